// Tests for kiosk/core/keyboard/syllable: letter tables against the project's NFC normaliser, syllable
// analysis, and tone placement in both styles.
#include "kiosk/core/keyboard/syllable.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::keyboard {
namespace {

Word word_of(std::string_view utf8) {
    Word w;
    for (char32_t cp : text::decode(utf8)) {
        std::optional<Letter> l = decompose(cp);
        EXPECT_TRUE(l) << "not a letter in " << utf8;
        if (l) w.push_back(*l);
    }
    return w;
}

std::string text_of(const Word& w) {
    std::u32string out;
    for (const Letter& l : w)
        out.push_back(compose(l));
    return text::encode(out);
}

// Every vowel, mark, tone and case: compose() must equal NFC of base + combining marks, and decompose back.
TEST(Letters, ComposeMatchesNfcOfCombiningSequences) {
    const struct {
        char base;
        Mark mark;
        const char* combining;
    } shapes[] = {
        {'a', Mark::none, ""}, {'a', Mark::breve, "\xCC\x86"},      {'a', Mark::circumflex, "\xCC\x82"},
        {'e', Mark::none, ""}, {'e', Mark::circumflex, "\xCC\x82"}, {'i', Mark::none, ""},
        {'o', Mark::none, ""}, {'o', Mark::circumflex, "\xCC\x82"}, {'o', Mark::horn, "\xCC\x9B"},
        {'u', Mark::none, ""}, {'u', Mark::horn, "\xCC\x9B"},       {'y', Mark::none, ""},
    };
    const char* tones[] = {"", "\xCC\x81", "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
    int checked = 0;
    for (const auto& s : shapes)
        for (int t = 0; t < 6; ++t)
            for (bool upper : {false, true}) {
                Letter l{s.base, s.mark, static_cast<Tone>(t), upper};
                std::string nfd(1, upper ? static_cast<char>(s.base - 'a' + 'A') : s.base);
                nfd += s.combining;
                nfd += tones[t];
                const std::string expected = text::nfc(nfd);
                ASSERT_EQ(text::decode(expected).size(), 1u) << nfd;
                char32_t cp = compose(l);
                EXPECT_EQ(cp, text::decode(expected)[0]) << expected;
                std::optional<Letter> back = decompose(cp);
                ASSERT_TRUE(back);
                EXPECT_EQ(*back, l) << expected;
                ++checked;
            }
    EXPECT_EQ(checked, 144);
    EXPECT_EQ(compose({'d', Mark::stroke, Tone::none, false}), U'đ');
    EXPECT_EQ(compose({'d', Mark::stroke, Tone::none, true}), U'Đ');
    EXPECT_EQ(compose({'b', Mark::none, Tone::acute, false}), 0u);
    EXPECT_EQ(compose({'e', Mark::horn, Tone::none, false}), 0u);
    EXPECT_EQ(compose({'b', Mark::stroke, Tone::none, false}), 0u);
    EXPECT_FALSE(decompose(U'1'));
    EXPECT_FALSE(decompose(U' '));
    EXPECT_FALSE(decompose(U'ç'));
    EXPECT_FALSE(decompose(U'\u0301')); // a lone combining mark is not a letter
}

TEST(Analyse, AcceptsSyllablesAndPrefixes) {
    for (const char* w : {"",       "ngh",   "tr",    "đ",    "a",  "tiê", "tie",   "tiêng",
                          "nguyên", "nguye", "quyền", "giấy", "gì", "gìn", "người", "ngưoi",
                          "khuỷu",  "xoong", "thuở",  "hoặc", "qu", "q",   "oán"})
        EXPECT_TRUE(analyse(word_of(w))) << w;
}

TEST(Analyse, RejectsNonSyllables) {
    for (const char* w :
         {"class", "fa",  "wa",  "ja",   "zo", "muă", "hưư",  "hoâ", "ea", "tiengs", "nguyenx",
          "hoaa",  "ast", "ban", "bana", "qa", "qư",  "abcd", "tk",  "nn", "aaaa",   "uâyi"})
        if (std::string_view(w) == "ban")
            EXPECT_TRUE(analyse(word_of(w))) << w; // control: a real syllable
        else
            EXPECT_FALSE(analyse(word_of(w))) << w;
}

TEST(Analyse, FindsNucleusAfterGiAndQu) {
    auto s = analyse(word_of("giường"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->nucleus_begin, 2u);
    EXPECT_EQ(s->nucleus_end, 4u);
    EXPECT_TRUE(s->has_coda);
    s = analyse(word_of("gì"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->nucleus_begin, 1u);
    EXPECT_FALSE(s->has_coda);
    s = analyse(word_of("quý"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->nucleus_begin, 2u);
    s = analyse(word_of("khuya"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->nucleus_end - s->nucleus_begin, 3u);
}

std::string retone(std::string_view toneless, Tone tone, ToneStyle style) {
    Word w = word_of(toneless);
    EXPECT_TRUE(place_tone(w, tone, style)) << toneless;
    return text_of(w);
}

TEST(ToneMarks, ClassicPlacement) {
    const struct {
        const char* toneless;
        Tone tone;
        const char* expected;
    } cases[] = {
        {"hoa", Tone::grave, "hòa"},     {"hoa", Tone::acute, "hóa"},       {"khoe", Tone::hook, "khỏe"},
        {"thuy", Tone::hook, "thủy"},    {"uy", Tone::hook, "ủy"},          {"hoan", Tone::acute, "hoán"},
        {"tiêng", Tone::acute, "tiếng"}, {"người", Tone::grave, "người"},   {"rươu", Tone::dot, "rượu"},
        {"cưu", Tone::acute, "cứu"},     {"mưa", Tone::dot, "mựa"},         {"thuơ", Tone::hook, "thuở"},
        {"ngoai", Tone::acute, "ngoái"}, {"khuyu", Tone::hook, "khuỷu"},    {"quy", Tone::acute, "quý"},
        {"qua", Tone::grave, "quà"},     {"gia", Tone::acute, "giá"},       {"gi", Tone::grave, "gì"},
        {"giưa", Tone::tilde, "giữa"},   {"khuyên", Tone::acute, "khuyến"}, {"tai", Tone::grave, "tài"},
        {"mia", Tone::acute, "mía"},     {"mua", Tone::grave, "mùa"},       {"huyt", Tone::acute, "huýt"},
        {"xoong", Tone::acute, "xoóng"}, {"hoăc", Tone::dot, "hoặc"},       {"thuê", Tone::acute, "thuế"},
        {"yêu", Tone::acute, "yếu"},     {"uây", Tone::acute, "uấy"},       {"ĐƯƠNG", Tone::grave, "ĐƯỜNG"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(retone(c.toneless, c.tone, ToneStyle::classic), c.expected) << c.toneless;
}

TEST(ToneMarks, ModernPlacementOnlyDiffersForOpenOaOeUy) {
    EXPECT_EQ(retone("hoa", Tone::grave, ToneStyle::modern), "hoà");
    EXPECT_EQ(retone("khoe", Tone::hook, ToneStyle::modern), "khoẻ");
    EXPECT_EQ(retone("thuy", Tone::hook, ToneStyle::modern), "thuỷ");
    EXPECT_EQ(retone("hoan", Tone::acute, ToneStyle::modern), "hoán");
    EXPECT_EQ(retone("tai", Tone::grave, ToneStyle::modern), "tài");
    EXPECT_EQ(retone("mua", Tone::grave, ToneStyle::modern), "mùa");
    EXPECT_EQ(retone("quy", Tone::acute, ToneStyle::modern), "quý");
}

TEST(ToneMarks, PlaceToneRefusesNonSyllablesAndMovesExistingTone) {
    Word w = word_of("class");
    EXPECT_FALSE(place_tone(w, Tone::acute, ToneStyle::classic));
    EXPECT_EQ(text_of(w), "class");
    w = word_of("hóan");
    EXPECT_EQ(word_tone(w), Tone::acute);
    EXPECT_TRUE(place_tone(w, word_tone(w), ToneStyle::classic));
    EXPECT_EQ(text_of(w), "hoán");
    clear_tone(w);
    EXPECT_EQ(text_of(w), "hoan");
    EXPECT_EQ(word_tone(w), Tone::none);
}

} // namespace
} // namespace kiosk::keyboard
