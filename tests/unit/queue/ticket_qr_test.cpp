// Ticket QR payloads: what is printed, what is accepted, and that a dossier reader never takes one for a
// dossier code.
#include "kiosk/core/dossier/qr_payload.hpp"
#include "kiosk/core/queue/ticket_qr.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace kiosk;
using namespace kiosk::queue;

namespace {

Ticket sample() {
    Ticket t;
    t.office = "ubnd-cau-giay";
    t.day = {"2026-11-27"};
    t.display = "UT-B007";
    t.check = "K7Q2MX";
    return t;
}

TEST(TicketQr, RoundTrips) {
    const std::string text = ticket_qr_text(sample());
    EXPECT_EQ(text, "motcua-ticket:1:ubnd-cau-giay:20261127:UT-B007:K7Q2MX");
    auto qr = parse_ticket_qr(text);
    ASSERT_TRUE(qr.ok()) << qr.error().message;
    EXPECT_EQ(qr->office, "ubnd-cau-giay");
    EXPECT_EQ(qr->day.iso, "2026-11-27");
    EXPECT_EQ(qr->display, "UT-B007");
    EXPECT_EQ(qr->check, "K7Q2MX");
}

TEST(TicketQr, RefusesMalformedPayloadsNamingTheField) {
    struct Case {
        const char* payload;
        const char* kind;
        const char* mentions;
    };
    const Case cases[] = {
        {"000.00.99.H99-251120-0001", "rating.error.not_ticket", "not a queue ticket"},
        {"motcua-ticket:demo-office:15:A015", "rating.error.bad_qr", "fields"}, // the old format (no check)
        {"motcua-ticket:2:o:20261127:A001:K7Q2MX", "rating.error.bad_qr", "version"},
        {"motcua-ticket:1:o f:20261127:A001:K7Q2MX", "rating.error.bad_qr", "office"},
        {"motcua-ticket:1:o:2026112:A001:K7Q2MX", "rating.error.bad_qr", "day"},
        {"motcua-ticket:1:o:20261127:A00x:K7Q2MX", "rating.error.bad_qr", "number"},
        {"motcua-ticket:1:o:20261127:A001:K7Q2M0", "rating.error.bad_qr", "check"},
        {"motcua-ticket:1:o:20261127:A001:K7Q2MXX", "rating.error.bad_qr", "check"},
    };
    for (const auto& c : cases) {
        auto r = parse_ticket_qr(c.payload);
        ASSERT_FALSE(r.ok()) << c.payload;
        EXPECT_EQ(r.error().kind, c.kind) << c.payload;
        EXPECT_NE(r.error().message.find(c.mentions), std::string::npos)
            << c.payload << ": " << r.error().message;
    }
}

TEST(TicketQr, TypedNumberAndCheck) {
    for (const char* typed : {"B001 K7Q2MX", "b001-k7q2mx", "B001K7Q2MX", " UT-B007 K7Q2MX "}) {
        auto r = parse_typed_ticket(typed);
        ASSERT_TRUE(r.ok()) << typed;
        EXPECT_EQ(r->second, "K7Q2MX");
    }
    EXPECT_EQ(parse_typed_ticket("UT-B007 K7Q2MX")->first, "UT-B007");
    EXPECT_FALSE(parse_typed_ticket("B001").ok());
    EXPECT_FALSE(parse_typed_ticket("K7Q2MX").ok());
    EXPECT_EQ(parse_typed_ticket("A9 ZZ").error().kind, "rating.error.bad_typed");
}

TEST(TicketQr, RandomCheckValuesUseTheAlphabetAndDiffer) {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto v = random_check_value();
        ASSERT_EQ(v.size(), kCheckLength);
        for (char c : v)
            ASSERT_NE(kCheckAlphabet.find(c), std::string_view::npos) << v;
        seen.insert(v);
    }
    EXPECT_GT(seen.size(), 1990u); // 31^6 ≈ 887 million values: collisions in 2000 are very unlikely
}

TEST(TicketQr, TheDossierReaderDoesNotTakeATicketForADossierCode) {
    dossier::QrPolicy policy;
    policy.allowed_hosts = {"dichvucong.hanoi.gov.vn"};
    const std::string text = ticket_qr_text(sample());
    EXPECT_TRUE(looks_like_ticket_qr(text));
    EXPECT_TRUE(looks_like_ticket_qr("MOTCUA-TICKET:anything"));
    auto code = dossier::extract_dossier_code(text, policy);
    ASSERT_FALSE(code.ok());
    EXPECT_EQ(code.error().kind, "dossier.qr.scheme_not_allowed");
    // …and a dossier receipt is not a ticket.
    EXPECT_FALSE(
        looks_like_ticket_qr("https://dichvucong.hanoi.gov.vn/tra-cuu?code=000.00.99.H99-251120-0001"));
}

} // namespace
