// Round trip over the real Vietnamese text shipped with the kiosk (catalog and translation tables): every
// distinct word is turned into the keystrokes a person would type (an encoder written independently of the
// composer) and typed into a VietComposer, which must give the word back. Also checks keyboard.tsv.
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/keyboard/composer.hpp"
#include "kiosk/core/keyboard/labels.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace kiosk::keyboard {
namespace {

const std::filesystem::path kAssets = std::filesystem::path(KIOSK_TEST_DATA_DIR) / ".." / "assets";

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Distinct words (maximal runs of letters) of the shipped Vietnamese text that are Vietnamese syllables.
std::set<std::string> corpus_words() {
    std::string all = read_file(kAssets / "catalog" / "procedures.json");
    for (const auto& entry : std::filesystem::directory_iterator(kAssets / "i18n"))
        if (entry.path().extension() == ".tsv") all += "\n" + read_file(entry.path());
    std::set<std::string> words;
    std::u32string current;
    auto flush = [&] {
        Word w;
        for (char32_t cp : current)
            w.push_back(*decompose(cp));
        bool has_vowel = false;
        for (const Letter& l : w)
            has_vowel = has_vowel || is_vowel(l.base);
        // "oo" is typed "ooo" in Telex (xoong): left to the explicit tests.
        bool double_o =
            current.find(U"oo") != std::u32string::npos || current.find(U"OO") != std::u32string::npos;
        if (has_vowel && !double_o && analyse(w)) words.insert(text::encode(current));
        current.clear();
    };
    for (char32_t cp : text::decode(text::nfc(all))) {
        if (decompose(cp))
            current.push_back(cp);
        else
            flush();
    }
    flush();
    return words;
}

char keycase(char c, bool upper) {
    return upper ? static_cast<char>(c - 'a' + 'A') : c;
}

// Telex as most people type it: each letter followed by its mark key, the tone key at the end of the word
// (or, with tone_early, right after the first vowel).
std::string telex_keys(std::string_view word, bool tone_early) {
    static const char tone_keys[] = {0, 's', 'f', 'r', 'x', 'j'};
    std::string keys;
    Tone tone = Tone::none;
    bool upper_tone = false, tone_done = false;
    for (char32_t cp : text::decode(word))
        if (decompose(cp)->tone != Tone::none) tone = decompose(cp)->tone;
    for (char32_t cp : text::decode(word)) {
        Letter l = *decompose(cp);
        keys += keycase(l.base, l.upper);
        if (l.mark == Mark::circumflex) keys += keycase(l.base, l.upper);
        if (l.mark == Mark::breve || l.mark == Mark::horn) keys += keycase('w', l.upper);
        if (l.mark == Mark::stroke) keys += keycase('d', l.upper);
        upper_tone = l.upper;
        if (tone_early && tone != Tone::none && !tone_done && is_vowel(l.base)) {
            keys += keycase(tone_keys[static_cast<int>(tone)], l.upper);
            tone_done = true;
        }
    }
    if (tone != Tone::none && !tone_done) keys += keycase(tone_keys[static_cast<int>(tone)], upper_tone);
    return keys;
}

std::string vni_keys(std::string_view word) {
    std::string keys;
    Tone tone = Tone::none;
    for (char32_t cp : text::decode(word)) {
        Letter l = *decompose(cp);
        keys += keycase(l.base, l.upper);
        if (l.mark == Mark::circumflex) keys += '6';
        if (l.mark == Mark::horn) keys += '7';
        if (l.mark == Mark::breve) keys += '8';
        if (l.mark == Mark::stroke) keys += '9';
        if (l.tone != Tone::none) tone = l.tone;
    }
    if (tone != Tone::none) keys += static_cast<char>('0' + static_cast<int>(tone));
    return keys;
}

// The word typed with `keys` in either tone style (the data is mostly classic "hòa", sometimes modern "hoà").
bool types_back(std::string_view word, const std::string& keys, InputMode mode, bool& modern_only) {
    VietComposer classic({mode, ToneStyle::classic, 200});
    classic.key(keys);
    if (classic.text() == word) return true;
    VietComposer modern({mode, ToneStyle::modern, 200});
    modern.key(keys);
    modern_only = modern.text() == word;
    return modern_only;
}

TEST(Corpus, EveryShippedWordTypesBackInTelexAndVni) {
    const std::set<std::string> words = corpus_words();
    ASSERT_GT(words.size(), 500u) << "the catalog should give many distinct words";
    int modern = 0, failures = 0;
    for (const std::string& w : words) {
        bool modern_only = false;
        for (const auto& [keys, mode] :
             {std::pair{telex_keys(w, false), InputMode::telex},
              std::pair{telex_keys(w, true), InputMode::telex}, std::pair{vni_keys(w), InputMode::vni}}) {
            if (!types_back(w, keys, mode, modern_only)) {
                VietComposer c({mode, ToneStyle::classic, 200});
                c.key(keys);
                ADD_FAILURE() << w << " typed as " << keys << " gave " << c.text();
                if (++failures > 30) return;
            }
            modern += modern_only;
        }
    }
    std::cout << words.size() << " distinct words, " << modern
              << " typings matched only in modern tone style\n";
}

TEST(Translations, KeyboardTableHasEveryLabelInBothLanguages) {
    i18n::Translator t;
    const std::string table = read_file(kAssets / "i18n" / "keyboard.tsv");
    ASSERT_TRUE(t.add_table(table, "keyboard.tsv").ok());
    EXPECT_EQ(text::nfc(table), table);
    for (std::string_view key : labels::all) {
        EXPECT_TRUE(t.has(key)) << key;
        EXPECT_FALSE(t.tr(key, i18n::Lang::vi).empty()) << key;
        EXPECT_FALSE(t.tr(key, i18n::Lang::en).empty()) << key;
    }
    for (InputMode m : {InputMode::none, InputMode::telex, InputMode::vni})
        EXPECT_TRUE(t.has(input_mode_label_key(m)));
    EXPECT_EQ(t.tr(labels::backspace, i18n::Lang::vi), "Xóa");
    EXPECT_EQ(t.tr(labels::clear, i18n::Lang::vi), "Xóa hết");
}

} // namespace
} // namespace kiosk::keyboard
