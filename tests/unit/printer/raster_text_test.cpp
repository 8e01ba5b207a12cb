// Raster bit packing, grey conversion, UTF-8 decoding, Vietnamese glyph coverage and word wrapping.
#include "drivers/printer/raster.hpp"
#include "drivers/printer/text_layout.hpp"
#include "kiosk/core/text/utf8.hpp"
#include "tests/unit/printer/sample_tickets.hpp"

#include <gtest/gtest.h>

namespace kiosk::printer {
namespace {

TEST(Raster, PacksMsbFirst) {
    Raster r(12, 2);
    EXPECT_EQ(r.stride(), 2);
    r.set(0, 0);
    r.set(7, 0);
    r.set(8, 1);
    EXPECT_EQ(r.row(0)[0], 0x81);
    EXPECT_EQ(r.row(0)[1], 0x00);
    EXPECT_EQ(r.row(1)[1], 0x80);
    EXPECT_TRUE(r.get(7, 0));
    EXPECT_FALSE(r.get(12, 0)); // outside: white, no crash
    r.set(-1, 5);
    EXPECT_EQ(r.count_black(), 3);
    r.set(7, 0, false);
    EXPECT_EQ(r.row(0)[0], 0x80);
}

TEST(Raster, GreyRoundTrip) {
    Raster r(9, 3);
    r.fill_rect(2, 1, 20, 2);
    const auto grey = to_grey(r);
    ASSERT_EQ(grey.size(), 27u);
    EXPECT_EQ(grey[9 + 2], 0);
    EXPECT_EQ(grey[0], 255);
    EXPECT_TRUE(from_grey(grey.data(), 9, 3) == r);
    r.grow(2);
    EXPECT_EQ(r.height(), 5);
    EXPECT_EQ(r.count_black(), 7);
}

TEST(Utf8, TicketTextDecodesVietnameseAndReplacesInvalidBytes) {
    EXPECT_EQ(text::decode("Cầu Giấy"), U"Cầu Giấy");
    EXPECT_EQ(text::decode("5.000₫"), U"5.000₫");
    EXPECT_EQ(text::decode("a\xFF"
                           "b"),
              U"a\uFFFDb");
    EXPECT_EQ(text::decode("\xC3"), U"\uFFFD");                     // truncated sequence
    EXPECT_EQ(text::decode("\xC0\xAF"), U"\uFFFD\uFFFD");           // overlong '/'
    EXPECT_EQ(text::decode("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD"); // surrogate
}

class Fonts : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        auto r = FontSet::load_from_assets(testing::assets_dir());
        ASSERT_TRUE(r.ok()) << r.error().message;
        fonts_ = new FontSet(std::move(r.value()));
    }
    static void TearDownTestSuite() {
        delete fonts_;
        fonts_ = nullptr;
    }
    static FontSet* fonts_;
};
FontSet* Fonts::fonts_ = nullptr;

TEST_F(Fonts, CoverEveryVietnameseLetterAndDong) {
    const std::u32string letters = text::decode(
        "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
        "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬĐEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴ₫–“”…•");
    for (Face f : {Face::regular, Face::bold})
        for (char32_t cp : letters)
            EXPECT_TRUE(fonts_->has_glyph(f, cp)) << "U+" << std::hex << unsigned(cp);
}

TEST_F(Fonts, GlyphsAreCached) {
    const Glyph& a = fonts_->glyph(Face::bold, 40, U'Ấ');
    const size_t n = fonts_->cached_glyphs();
    const Glyph& b = fonts_->glyph(Face::bold, 40, U'Ấ');
    EXPECT_EQ(&a, &b);
    EXPECT_EQ(fonts_->cached_glyphs(), n);
    EXPECT_GT(a.height, fonts_->glyph(Face::bold, 40, U'A').height); // the stacked marks are drawn
    EXPECT_FALSE(a.missing);
}

TEST_F(Fonts, WrapKeepsEveryLineWithinWidth) {
    const TextStyle style{Face::regular, 24};
    const auto text =
        text::decode("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
                     "với đất Siêudàiliềnkhôngcókhoảngtrắngnàocả");
    const auto lines = wrap(*fonts_, style, text, 200);
    ASSERT_GE(lines.size(), 5u);
    std::u32string joined;
    for (const auto& l : lines) {
        EXPECT_LE(measure(*fonts_, style, l), 200);
        EXPECT_FALSE(l.empty());
        joined += l;
    }
    std::u32string no_spaces;
    for (char32_t c : text)
        if (c != U' ') no_spaces += c;
    std::u32string joined_no_spaces;
    for (char32_t c : joined)
        if (c != U' ') joined_no_spaces += c;
    EXPECT_EQ(joined_no_spaces, no_spaces); // nothing lost or duplicated
    EXPECT_EQ(wrap(*fonts_, style, text::decode("một\nhai"), 500).size(), 2u);
}

TEST(FontSetLoad, ErrorNamesTheFile) {
    auto r = FontSet::load("/nonexistent/Regular.ttf", "/nonexistent/Bold.ttf");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("/nonexistent/Regular.ttf"), std::string::npos);
    auto bad =
        FontSet::load(std::filesystem::path(KIOSK_TEST_DATA_DIR) / "unit" / "printer" / "CMakeLists.txt",
                      testing::assets_dir() / "fonts" / "NotoSans-Bold.ttf");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, "font_invalid");
}

} // namespace
} // namespace kiosk::printer
