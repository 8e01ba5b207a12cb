// Tests for kiosk/core/text: UTF-8, NFC composition, lowercase, folding and tokenising of Vietnamese.
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/tokenize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::text {
namespace {

// Every Vietnamese vowel with every tone, plus đ, in lower and upper case (NFC).
const char* const kVietnameseLower =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
const char* const kVietnameseUpper =
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

TEST(Utf8, RoundTripsEveryVietnameseLetter) {
    const std::u32string cps = decode(kVietnameseLower);
    EXPECT_EQ(cps.size(), 73u);
    EXPECT_EQ(encode(cps), kVietnameseLower);
    EXPECT_TRUE(is_valid_utf8(kVietnameseUpper));
}

TEST(Utf8, EncodesAllLengths) {
    EXPECT_EQ(encode(U"A\u00E9\u20AB\U0001F600"), "A\xC3\xA9\xE2\x82\xAB\xF0\x9F\x98\x80");
}

TEST(Utf8, InvalidBytesBecomeReplacementAndAlwaysAdvance) {
    struct Case {
        std::string bytes;
        std::size_t code_points;
    };
    const Case cases[] = {
        {"\x80", 1},             // lone continuation byte
        {"\xC3", 1},             // truncated two-byte sequence
        {"\xE1\xBB", 2},         // truncated three-byte sequence: each byte on its own
        {"\xC0\x80", 2},         // overlong NUL
        {"\xED\xA0\x80", 3},     // UTF-16 surrogate
        {"\xF4\x90\x80\x80", 4}, // above U+10FFFF
        {"\xFF", 1},
    };
    for (const Case& c : cases) {
        const std::u32string cps = decode(c.bytes);
        EXPECT_EQ(cps.size(), c.code_points) << c.bytes.size();
        for (char32_t cp : cps)
            EXPECT_EQ(cp, kReplacementChar);
        EXPECT_FALSE(is_valid_utf8(c.bytes));
    }
    EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD")); // a real U+FFFD is fine
}

TEST(Nfc, ComposesDecomposedVietnamese) {
    // ệ written as e + dot below + circumflex, and in the non-canonical order e + circumflex + dot below
    EXPECT_EQ(nfc("e\xCC\xA3\xCC\x82"), "ệ");
    EXPECT_EQ(nfc("e\xCC\x82\xCC\xA3"), "ệ");
    // "Đăng ký" as typed by some Windows keyboards (base letters + combining breve / acute)
    EXPECT_EQ(nfc("\xC4\x90"
                  "a\xCC\x86ng ky\xCC\x81"),
              "Đăng ký");
    // Precomposed ê plus a combining acute (a common mixed form) becomes ế
    EXPECT_EQ(nfc("k\xC3\xAA\xCC\x81t h\xC3\xB4n"), "kết hôn");
    // ư + hook above → ử ; ơ + dot below → ợ
    EXPECT_EQ(nfc("\xC6\xB0\xCC\x89"), "ử");
    EXPECT_EQ(nfc("\xC6\xA1\xCC\xA3"), "ợ");
}

TEST(Nfc, LeavesNfcAndOtherScriptsAlone) {
    EXPECT_EQ(nfc(kVietnameseLower), kVietnameseLower);
    EXPECT_EQ(nfc(kVietnameseUpper), kVietnameseUpper);
    EXPECT_EQ(nfc("Đăng ký khai sinh – 1.001193 (₫)"), "Đăng ký khai sinh – 1.001193 (₫)");
    EXPECT_EQ(nfc("한국어 日本"), "한국어 日本");
    EXPECT_EQ(nfc(""), "");
    // A mark with no base stays where it is
    EXPECT_EQ(nfc("\xCC\x81"
                  "a"),
              "\xCC\x81"
              "a");
}

TEST(Lower, LowercasesVietnamese) {
    EXPECT_EQ(to_lower(kVietnameseUpper), kVietnameseLower);
    EXPECT_EQ(to_lower("ĐĂNG KÝ KẾT HÔN"), "đăng ký kết hôn");
}

TEST(Fold, RemovesEveryDiacriticAndMapsDToD) {
    EXPECT_EQ(fold(kVietnameseLower),
              "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd");
    EXPECT_EQ(fold(kVietnameseUpper), fold(kVietnameseLower));
    EXPECT_EQ(fold("Đăng ký kết hôn"), "dang ky ket hon");
    EXPECT_EQ(fold("XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), "xac nhan tinh trang hon nhan");
}

TEST(Fold, SameResultForNfcAndNfd) {
    EXPECT_EQ(fold("e\xCC\xA3\xCC\x82n"), fold("ện"));
    EXPECT_EQ(fold("\xC4\x90"
                   "a\xCC\x86ng ky\xCC\x81"),
              "dang ky");
}

TEST(Tokenize, KeepsByteSpansIntoTheOriginal) {
    const std::string name = "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh";
    const auto tokens = tokenize(name);
    ASSERT_EQ(tokens.size(), 12u);
    EXPECT_EQ(tokens[0].folded, "cap");
    EXPECT_EQ(name.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Cấp");
    EXPECT_EQ(tokens[6].folded, "tich");
    EXPECT_EQ(name.substr(tokens[6].begin, tokens[6].end - tokens[6].begin), "tịch");
    EXPECT_EQ(tokens[11].folded, "sinh");
    EXPECT_EQ(tokens[11].end, name.size());
}

TEST(Tokenize, SplitsOnPunctuationAndSymbols) {
    const auto tokens = tokenize("  1.001193 – “Đăng ký”/thường-trú 200.000₫!");
    std::vector<std::string> words;
    for (const auto& t : tokens)
        words.push_back(t.folded);
    EXPECT_EQ(words, (std::vector<std::string>{"1", "001193", "dang", "ky", "thuong", "tru", "200", "000"}));
}

TEST(Tokenize, CombiningMarksStayInsideTheWord) {
    const std::string nfd = "Đa\xCC\x86ng ky\xCC\x81";
    const auto tokens = tokenize(nfd);
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].folded, "dang");
    EXPECT_EQ(tokens[1].folded, "ky");
    EXPECT_EQ(tokens[1].end, nfd.size());
}

TEST(Tokenize, InvalidUtf8DoesNotCrashOrLeakBytes) {
    const auto tokens = tokenize("ab\xFF\xC3 cd\xE1\xBB");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].folded, "ab");
    EXPECT_EQ(tokens[1].folded, "cd");
}

} // namespace
} // namespace kiosk::text
