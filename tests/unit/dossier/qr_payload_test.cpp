// QR payload extraction: bare codes and lookup URLs on allowed hosts pass; everything else gets a reason.
#include "kiosk/core/dossier/qr_payload.hpp"

#include <gtest/gtest.h>

using kiosk::dossier::extract_dossier_code;
using kiosk::dossier::QrPolicy;

namespace {

QrPolicy policy() {
    QrPolicy p;
    p.allowed_hosts = {"dichvucong.hanoi.gov.vn", "*.motcua.example.vn"};
    p.param_names = {"code", "ma_ho_so"};
    return p;
}

std::string outcome(std::string_view payload) {
    auto r = extract_dossier_code(payload, policy());
    return r ? r->str() : r.error().kind;
}

} // namespace

TEST(QrPayload, BareCodeWithScannerLineEnding) {
    EXPECT_EQ(outcome("H15.50.05.13-261008-0975"), "H15.50.05.13-261008-0975");
    EXPECT_EQ(outcome("H15.50.05.13-261008-0975\r\n"), "H15.50.05.13-261008-0975");
    EXPECT_EQ(outcome("\th15.50.05.13-261008-0975 "), "H15.50.05.13-261008-0975");
}

TEST(QrPayload, LookupUrlOnAllowedHost) {
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/tra-cuu?code=H15.50.05.13-261008-0975"),
              "H15.50.05.13-261008-0975");
    EXPECT_EQ(
        outcome(
            "HTTPS://DichVuCong.Hanoi.gov.vn./x?lang=vi&MA_HO_SO=000.00.15.H26-200915-0001&secret=abc#top"),
        "000.00.15.H26-200915-0001");
    EXPECT_EQ(outcome("https://tracuu.motcua.example.vn:443/?code=H15%2E50.05.13-261008-0975"),
              "H15.50.05.13-261008-0975");
    // First configured name wins over a later one.
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?ma_ho_so=H15-261008-0002&code=H15-261008-0001"),
              "H15-261008-0001");
}

TEST(QrPayload, RejectsOtherSchemesAndHosts) {
    EXPECT_EQ(outcome("http://dichvucong.hanoi.gov.vn/?code=H15-261008-0001"),
              "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("javascript:alert(1)"), "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("JavaScript:alert('H15-261008-0001')"), "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("data:text/html;base64,PHNjcmlwdD4="), "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("file:///etc/passwd"), "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("https://evil.example.com/?code=H15-261008-0001"), "dossier.qr.host_not_allowed");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn.evil.com/?code=H15-261008-0001"),
              "dossier.qr.host_not_allowed");
    EXPECT_EQ(outcome("https://motcua.example.vn/?code=H15-261008-0001"), "dossier.qr.host_not_allowed");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn@evil.com/?code=H15-261008-0001"),
              "dossier.qr.bad_url");
    EXPECT_EQ(outcome("https://[::1]/?code=H15-261008-0001"), "dossier.qr.host_not_allowed");
    EXPECT_EQ(outcome("https:dichvucong.hanoi.gov.vn/?code=H15-261008-0001"), "dossier.qr.bad_url");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn:99999/?code=H15-261008-0001"), "dossier.qr.bad_url");
    EXPECT_EQ(outcome("https://xn--dchvcng-8ya.vn/?code=H15-261008-0001"), "dossier.qr.host_not_allowed");
}

TEST(QrPayload, UrlWithoutUsableCode) {
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/tra-cuu"), "dossier.qr.no_code_in_url");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?id=H15-261008-0001"), "dossier.qr.no_code_in_url");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?code=H15-261008-0001&code=H15-261008-0002"),
              "dossier.qr.bad_url");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?code=%ZZ"), "dossier.qr.bad_url");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?code=%FF%FE"), "dossier.qr.invalid_utf8");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?code=H15-261008-0001%0A"), "dossier.qr.control_char");
    EXPECT_EQ(outcome("https://dichvucong.hanoi.gov.vn/?code=%3Cscript%3E"), "dossier.qr.not_a_code");
}

TEST(QrPayload, RejectsJunk) {
    EXPECT_EQ(outcome(""), "dossier.qr.empty");
    EXPECT_EQ(outcome(" \r\n"), "dossier.qr.empty");
    EXPECT_EQ(outcome(std::string(513, 'A')), "dossier.qr.too_long");
    EXPECT_EQ(outcome(std::string("H15-261008-0001\0", 16)), "dossier.qr.binary");
    EXPECT_EQ(outcome("H15-261008-\xFF\xFE"), "dossier.qr.invalid_utf8");
    EXPECT_EQ(outcome("H15-261008-0001\x1B[2J"), "dossier.qr.control_char");
    EXPECT_EQ(outcome("H15-261008-\xE2\x80\xAE"
                      "1000"),
              "dossier.qr.control_char"); // right-to-left override
    EXPECT_EQ(outcome("<script>alert(1)</script>"), "dossier.qr.not_a_code");
    EXPECT_EQ(outcome("WIFI:S:office;T:WPA;P:secret;;"), "dossier.qr.scheme_not_allowed");
    EXPECT_EQ(outcome("www.dichvucong.hanoi.gov.vn/?code=H15-261008-0001"), "dossier.qr.not_a_code");
    EXPECT_EQ(outcome("H15-261308-0001"), "dossier.qr.not_a_code");
}

TEST(QrPayload, TooLongIsCheckedOnRawBytesAndDetailIsBounded) {
    // Exactly at the limit is fine to inspect; the verdict is about the content.
    std::string at_limit = "H15-261008-0001" + std::string(512 - 15, ' ');
    EXPECT_EQ(outcome(at_limit), "H15-261008-0001");
    auto r = extract_dossier_code(std::string(400, 'x') + "\xC3\xA1", policy());
    ASSERT_FALSE(r.ok());
    EXPECT_LT(r.error().message.size(), 300u);
}

TEST(QrPayload, NoHostsConfiguredMeansNoUrls) {
    QrPolicy p;
    auto r = extract_dossier_code("https://dichvucong.hanoi.gov.vn/?code=H15-261008-0001", p);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "dossier.qr.host_not_allowed");
}
