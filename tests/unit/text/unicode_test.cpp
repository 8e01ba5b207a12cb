// Tests for the utf8proc-backed parts of kiosk/core/text: strict vs lenient decoding, NFC and the NFC check
// with its byte offsets, folding of NFC and NFD input, classification, and the NFC fast path's premise.
#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/tokenize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <utf8proc.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk::text {
namespace {

TEST(Utf8Strict, AcceptsWellFormedAndRefusesEveryIllFormedSequence) {
    const std::string s = "a\xC3\xA9\xE1\xBB\x87\xF0\x9F\x98\x80"; // a é ệ 😀
    std::size_t pos = 0;
    std::vector<char32_t> cps;
    while (auto cp = decode_next_strict(s, pos))
        cps.push_back(*cp);
    EXPECT_EQ(cps, (std::vector<char32_t>{U'a', 0xE9, 0x1EC7, 0x1F600}));
    EXPECT_EQ(pos, s.size());

    for (const std::string bad :
         {"\x80", "\xC3", "\xE1\xBB", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80",
          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xC3\x41"}) {
        std::size_t at = 0;
        EXPECT_FALSE(decode_next_strict(bad, at).has_value()) << testing::PrintToString(bad);
        EXPECT_EQ(at, 0u) << "a refused sequence is not consumed";
        EXPECT_FALSE(is_valid_utf8(bad));
    }
    std::size_t end = 1;
    EXPECT_FALSE(decode_next_strict("a", end).has_value()); // at the end
}

TEST(Utf8Lenient, SameInputGivesReplacementAndConsumesOneByte) {
    const std::string s = "x\xC0\xAF\xE1\xBB y";
    std::size_t pos = 1;
    EXPECT_EQ(decode_next(s, pos), kReplacementChar);
    EXPECT_EQ(pos, 2u);
    EXPECT_EQ(decode_next(s, pos), kReplacementChar);
    EXPECT_EQ(pos, 3u);
    EXPECT_EQ(decode(s), U"x\uFFFD\uFFFD\uFFFD\uFFFD y");
    EXPECT_EQ(find_invalid_utf8(s), std::optional<std::size_t>(1));
    EXPECT_EQ(find_invalid_utf8("Hà Nội"), std::nullopt);
}

TEST(Utf8Encode, ReplacesValuesThatAreNotScalarValues) {
    std::string out;
    append_utf8(out, 0xD800);
    append_utf8(out, 0x110000);
    append_utf8(out, 0xFFFF); // a noncharacter, but a scalar value: encoded as such
    EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBF");
}

TEST(Nfc, DecomposedVietnameseComposes) {
    EXPECT_EQ(nfc("e\u0323\u0302"), "\u1EC7"); // ệ
    EXPECT_EQ(nfc("Vie\u0323\u0302t Nam"), "Việt Nam");
    EXPECT_EQ(nfc("a\xFF\u0301"), "a\uFFFD\u0301"); // invalid bytes are replaced, never composed across
    EXPECT_EQ(nfc("\u2126"), "\u03A9");             // singleton: OHM SIGN → GREEK CAPITAL OMEGA
    EXPECT_EQ(nfc("\u0915\u093C"), "\u0915\u093C"); // composition exclusion: stays decomposed
    EXPECT_EQ(nfc("\u1100\u1161"), "\uAC00");       // Hangul jamo compose too
}

TEST(IsNfc, ReportsTheFirstPlaceWithOffsetAndReason) {
    EXPECT_TRUE(is_nfc("Đăng ký khai sinh – 5.000₫ “ok”"));
    EXPECT_TRUE(is_nfc("x\u0323\u0301")); // no precomposed x with these marks
    EXPECT_TRUE(is_nfc("\u0301 alone"));

    auto p = find_non_nfc("Đăng ky\u0301");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 9u);
    EXPECT_EQ(p->message, "not NFC: U+0301 at byte 9 combines with 'y' into one precomposed letter "
                          "(decomposed accent)");

    p = find_non_nfc("Vie\u0323\u0302t");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 3u);
    EXPECT_NE(p->message.find("U+0323"), std::string::npos) << p->message;
    EXPECT_NE(p->message.find("'e'"), std::string::npos) << p->message;

    p = find_non_nfc("q\u0301\u0323");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 3u);
    EXPECT_EQ(p->message, "not NFC: combining marks out of canonical order at byte 3");

    p = find_non_nfc("Ohm \u2126");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 4u);
    EXPECT_EQ(p->message, "not NFC: U+2126 at byte 4 never occurs in normalized text");

    p = find_non_nfc("ok\xC3");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 2u);
    EXPECT_EQ(p->message, "invalid UTF-8 at byte 2");

    p = find_non_nfc("\u1100\u1161");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->byte_offset, 3u);
    EXPECT_NE(p->message.find("U+1161"), std::string::npos) << p->message;
}

TEST(Fold, DangKyOnNfcAndNfd) {
    EXPECT_EQ(fold("Đăng KÝ"), "dang ky");
    EXPECT_EQ(fold("\u0110a\u0306ng KY\u0301"), "dang ky"); // NFD
    EXPECT_EQ(fold("đ"), "d");
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("ÉCOLE Ελλάδα"), "ecole ελλαδα");
    const auto nfd = tokenize("\u0110a\u0306ng KY\u0301");
    ASSERT_EQ(nfd.size(), 2u);
    EXPECT_EQ(nfd[0].folded, "dang");
    EXPECT_EQ(nfd[1].folded, "ky");
}

TEST(Lower, FullUnicodeSimpleMapping) {
    EXPECT_EQ(to_lower(U'Đ'), U'đ');
    EXPECT_EQ(to_lower(U'Ω'), U'ω');
    EXPECT_EQ(to_lower("ĐĂNG KÝ Ж"), "đăng ký ж");
}

TEST(Classify, CombiningMarksAndClasses) {
    EXPECT_TRUE(is_combining_mark(0x0301));
    EXPECT_TRUE(is_combining_mark(0x0323));
    EXPECT_TRUE(is_combining_mark(0x20D7)); // combining marks for symbols
    EXPECT_FALSE(is_combining_mark(U'a'));
    EXPECT_FALSE(is_combining_mark(0x1EC7));
    EXPECT_EQ(combining_class(0x0301), 230u);
    EXPECT_EQ(combining_class(0x0323), 220u);
    EXPECT_EQ(combining_class(U'a'), 0u);
    EXPECT_EQ(combining_class(0x110000), 0u);
}

TEST(Classify, WordCharacters) {
    for (char32_t cp : {U'a', U'Z', U'7', U'đ', U'Ệ', char32_t{0x0301}, U'ж', U'日', U'한'})
        EXPECT_TRUE(is_word_char(cp)) << static_cast<unsigned>(cp);
    for (char32_t cp : {U' ', U'-', U',', U'₫', U'–', U'“', char32_t{0xA0}, char32_t{0xFEFF},
                        char32_t{0xFFFD}, char32_t{0x202E}, char32_t{0xE000}, U'²'})
        EXPECT_FALSE(is_word_char(cp)) << static_cast<unsigned>(cp);
}

TEST(Classify, ControlAndFormatCharacters) {
    for (char32_t cp :
         {char32_t{0x00}, char32_t{0x09}, char32_t{0x1B}, char32_t{0x7F}, char32_t{0x85}, char32_t{0x9F},
          char32_t{0x00AD}, char32_t{0x200B}, char32_t{0x200D}, char32_t{0x200E}, char32_t{0x200F},
          char32_t{0x202A}, char32_t{0x202E}, char32_t{0x2060}, char32_t{0x2066}, char32_t{0x2069},
          char32_t{0xFEFF}, char32_t{0xE0041}})
        EXPECT_TRUE(is_control_or_format(cp)) << std::hex << static_cast<unsigned>(cp);
    for (char32_t cp : {U'a', U' ', U'đ', char32_t{0xA0}, char32_t{0x0301}, U'₫', char32_t{0x3000},
                        char32_t{0xFFFD}, char32_t{0x110000}})
        EXPECT_FALSE(is_control_or_format(cp)) << std::hex << static_cast<unsigned>(cp);
}

// The fast paths skip NFC work for text made only of nfc_stable code points. Check that premise against
// utf8proc's whole database: such a code point is a starter, is its own NFC, and is never the second
// element of a canonical composition.
TEST(Nfc, StableRangesNeedNoNormalization) {
    for (char32_t cp = 0; cp < 0x2100; ++cp) {
        if (!nfc_stable(cp)) continue;
        ASSERT_EQ(combining_class(cp), 0u) << std::hex << static_cast<unsigned>(cp);
        std::string one;
        append_utf8(one, cp);
        ASSERT_EQ(nfc(one), one) << std::hex << static_cast<unsigned>(cp);
    }
    utf8proc_int32_t buf[8];
    int decomposable = 0;
    for (utf8proc_int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const utf8proc_property_t* p = utf8proc_get_property(cp);
        if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX) continue; // no canonical decomposition
        const auto n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, nullptr);
        ++decomposable;
        for (utf8proc_ssize_t i = 1; i < n; ++i)
            ASSERT_FALSE(nfc_stable(static_cast<char32_t>(buf[i])))
                << std::hex << cp << " decomposes with " << buf[i] << " after its first element";
    }
    EXPECT_GT(decomposable, 2000); // about 2060 in Unicode 14/15: the loop really saw the database
    // Hangul syllables compose from jamo outside the stable ranges
    EXPECT_FALSE(nfc_stable(0x1161));
    EXPECT_FALSE(nfc_stable(0x11A8));
}

} // namespace
} // namespace kiosk::text
