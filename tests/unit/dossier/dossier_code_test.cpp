// Dossier code parsing: the accepted look-alikes and the strict rejections.
#include "kiosk/core/dossier/dossier_code.hpp"

#include <gtest/gtest.h>

using kiosk::dossier::is_real_date;
using kiosk::dossier::parse_dossier_code;

namespace {

std::string canon(std::string_view in) {
    auto r = parse_dossier_code(in);
    return r ? r->str() : "ERR:" + r.error().kind;
}

} // namespace

TEST(DossierCode, ParsesObservedForms) {
    auto r = parse_dossier_code("H15.50.05.13-261008-0975");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->unit, "H15.50.05.13");
    EXPECT_EQ(r->year, 2026);
    EXPECT_EQ(r->month, 10);
    EXPECT_EQ(r->day, 8);
    EXPECT_EQ(r->sequence, "0975");
    EXPECT_EQ(canon("000.00.15.H26-200915-0001"), "000.00.15.H26-200915-0001");
    EXPECT_EQ(canon("H55.242-200915-1234567"), "H55.242-200915-1234567");
}

TEST(DossierCode, ToleratesCaseSpacesAndDashes) {
    EXPECT_EQ(canon("h15.50.05.13-261008-0975"), "H15.50.05.13-261008-0975");
    EXPECT_EQ(canon("  H15.50.05.13 - 261008 - 0975  "), "H15.50.05.13-261008-0975");
    EXPECT_EQ(canon("H15.50.05.13\xE2\x80\x93"
                    "261008\xE2\x80\x94"
                    "0975"),
              "H15.50.05.13-261008-0975"); // en/em dash
    EXPECT_EQ(canon("H15.50.05.13\xE2\x88\x92"
                    "261008-0975"),
              "H15.50.05.13-261008-0975");                                            // minus sign
    EXPECT_EQ(canon("H15.50.05.13-261008-0975\xC2\xA0"), "H15.50.05.13-261008-0975"); // NBSP
}

TEST(DossierCode, ReadsLookAlikesAsDigitsInNumericParts) {
    EXPECT_EQ(canon("H15.50.05.13-26lOO8-O975"), "H15.50.05.13-261008-0975");
    EXPECT_EQ(canon("H15.50.05.13-261008-I975"), "H15.50.05.13-261008-1975");
    EXPECT_EQ(canon("OOO.OO.15.H26-200915-0001"), "000.00.15.H26-200915-0001");
    // Full-width digits and hyphen, as some IMEs type them.
    EXPECT_EQ(
        canon("H15.50.05."
              "13\xEF\xBC\x8D\xEF\xBC\x92\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x98-0975"),
        "H15.50.05.13-261008-0975");
    // A letter then look-alikes: the letter stays, the rest are digits. Letter-only segments keep letters.
    EXPECT_EQ(canon("Hl5.5O.O5.13-261008-0975"), "H15.50.05.13-261008-0975");
    EXPECT_EQ(canon("HO1-261008-0975"), "H01-261008-0975");
    EXPECT_EQ(canon("l26.50-261008-0975"), "126.50-261008-0975");
    EXPECT_EQ(canon("btpl.G12-261008-0975"), "BTPL.G12-261008-0975");
}

TEST(DossierCode, RejectsEverythingElse) {
    EXPECT_EQ(canon(""), "ERR:dossier.code.empty");
    EXPECT_EQ(canon("   "), "ERR:dossier.code.empty");
    EXPECT_EQ(canon("H15.50.05.13_261008_0975"), "ERR:dossier.code.invalid_char");
    EXPECT_EQ(canon("H15.50.05.13-261008-0975;"), "ERR:dossier.code.invalid_char");
    EXPECT_EQ(canon("<script>alert(1)</script>"), "ERR:dossier.code.invalid_char");
    EXPECT_EQ(canon("H15.50.05.13-261008"), "ERR:dossier.code.bad_format");
    EXPECT_EQ(canon("H15.50.05.13-261008-0975-1"), "ERR:dossier.code.bad_format");
    EXPECT_EQ(canon("-261008-0975"), "ERR:dossier.code.bad_format");
    EXPECT_EQ(canon("H15..13-261008-0975"), "ERR:dossier.code.bad_unit");
    EXPECT_EQ(canon("A.B.C.D.E.F.G-261008-0975"), "ERR:dossier.code.bad_unit");
    EXPECT_EQ(canon("ABCDEFGHI-261008-0975"), "ERR:dossier.code.bad_unit");
    EXPECT_EQ(canon("H15-2610O-0975"), "ERR:dossier.code.bad_date");
    EXPECT_EQ(canon("H15-26X008-0975"), "ERR:dossier.code.bad_date");
    EXPECT_EQ(canon("H15-261008-975"), "ERR:dossier.code.bad_sequence");
    EXPECT_EQ(canon("H15-261008-12345678"), "ERR:dossier.code.bad_sequence");
    EXPECT_EQ(canon("H15-261008-09A5"), "ERR:dossier.code.bad_sequence");
    EXPECT_EQ(canon(std::string(200, '1')), "ERR:dossier.code.too_long");
    EXPECT_EQ(canon("H15-261008-\xC3"), "ERR:dossier.code.invalid_char");             // truncated UTF-8
    EXPECT_EQ(canon("H15-261008-0975\xE2\x80\x8B"), "ERR:dossier.code.invalid_char"); // zero-width space
}

TEST(DossierCode, DatePartMustBeARealDate) {
    EXPECT_EQ(canon("H15-260229-0001"), "ERR:dossier.code.bad_date"); // 2026 is not a leap year
    EXPECT_EQ(canon("H15-240229-0001"), "H15-240229-0001");
    EXPECT_EQ(canon("H15-261301-0001"), "ERR:dossier.code.bad_date");
    EXPECT_EQ(canon("H15-260000-0001"), "ERR:dossier.code.bad_date");
    EXPECT_EQ(canon("H15-260431-0001"), "ERR:dossier.code.bad_date");
    EXPECT_EQ(canon("H15-261231-0001"), "H15-261231-0001");
    EXPECT_TRUE(is_real_date(2000, 2, 29));
    EXPECT_FALSE(is_real_date(2100, 2, 29));
}

TEST(DossierCode, ErrorMessagesNameTheBadPart) {
    auto r = parse_dossier_code("H15-261399-0001");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("261399"), std::string::npos) << r.error().message;
    r = parse_dossier_code("H15-261008-0975#");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("U+0023"), std::string::npos) << r.error().message;
}
