#include "kiosk/core/keyboard/syllable.hpp"

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kiosk::keyboard {
namespace {

struct VowelRow {
    char base;
    Mark mark;
    std::u32string_view lower, upper; // tones none, sắc, huyền, hỏi, ngã, nặng
};

constexpr std::array<VowelRow, 12> kVowels = {{
    {'a', Mark::none, U"aáàảãạ", U"AÁÀẢÃẠ"},
    {'a', Mark::breve, U"ăắằẳẵặ", U"ĂẮẰẲẴẶ"},
    {'a', Mark::circumflex, U"âấầẩẫậ", U"ÂẤẦẨẪẬ"},
    {'e', Mark::none, U"eéèẻẽẹ", U"EÉÈẺẼẸ"},
    {'e', Mark::circumflex, U"êếềểễệ", U"ÊẾỀỂỄỆ"},
    {'i', Mark::none, U"iíìỉĩị", U"IÍÌỈĨỊ"},
    {'o', Mark::none, U"oóòỏõọ", U"OÓÒỎÕỌ"},
    {'o', Mark::circumflex, U"ôốồổỗộ", U"ÔỐỒỔỖỘ"},
    {'o', Mark::horn, U"ơớờởỡợ", U"ƠỚỜỞỠỢ"},
    {'u', Mark::none, U"uúùủũụ", U"UÚÙỦŨỤ"},
    {'u', Mark::horn, U"ưứừửữự", U"ƯỨỪỬỮỰ"},
    {'y', Mark::none, U"yýỳỷỹỵ", U"YÝỲỶỸỴ"},
}};

const std::unordered_map<char32_t, Letter>& vowel_table() {
    static const std::unordered_map<char32_t, Letter> table = [] {
        std::unordered_map<char32_t, Letter> t;
        for (const VowelRow& row : kVowels)
            for (std::size_t tone = 0; tone < 6; ++tone) {
                t[row.lower[tone]] = {row.base, row.mark, static_cast<Tone>(tone), false};
                t[row.upper[tone]] = {row.base, row.mark, static_cast<Tone>(tone), true};
            }
        return t;
    }();
    return table;
}

// Vowel nuclei of Vietnamese, toneless. Each position of a typed nucleus must have the same base letter and
// either the same mark or none yet.
constexpr std::u32string_view kNuclei[] = {
    U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",
    U"y",   U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",
    U"iu",  U"oa",  U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",
    U"ui",  U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ưu",  U"ươ",  U"yê",  U"iêu", U"oai",
    U"oao", U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyê", U"uyu", U"ươi", U"ươu", U"yêu",
};

bool nucleus_fits(const Word& word, std::size_t begin, std::size_t end, std::u32string_view pattern) {
    if (pattern.size() != end - begin) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        std::optional<Letter> want = decompose(pattern[i]);
        const Letter& have = word[begin + i];
        if (!want || want->base != have.base) return false;
        if (have.mark != Mark::none && have.mark != want->mark) return false;
    }
    return true;
}

bool valid_nucleus(const Word& word, std::size_t begin, std::size_t end) {
    for (std::u32string_view n : kNuclei)
        if (nucleus_fits(word, begin, end, n)) return true;
    return false;
}

constexpr std::array<std::string_view, 27> kOnsets = {
    "",   "b",   "c",  "ch", "d",  "#", "g", "gh", "h", "k",  "kh", "l", "m", "n",
    "ng", "ngh", "nh", "p",  "ph", "q", "r", "s",  "t", "th", "tr", "v", "x",
};
constexpr std::array<std::string_view, 9> kCodas = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

template <std::size_t N> bool contains(const std::array<std::string_view, N>& set, std::string_view s) {
    for (std::string_view item : set)
        if (item == s) return true;
    return false;
}

} // namespace

bool is_vowel(char base) {
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

std::optional<Letter> decompose(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return Letter{static_cast<char>(cp), Mark::none, Tone::none, false};
    if (cp >= 'A' && cp <= 'Z')
        return Letter{static_cast<char>(cp - 'A' + 'a'), Mark::none, Tone::none, true};
    if (cp == U'đ') return Letter{'d', Mark::stroke, Tone::none, false};
    if (cp == U'Đ') return Letter{'d', Mark::stroke, Tone::none, true};
    const auto& table = vowel_table();
    auto it = table.find(cp);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

char32_t compose(const Letter& l) {
    if (l.base < 'a' || l.base > 'z') return 0;
    if (!is_vowel(l.base)) {
        if (l.tone != Tone::none) return 0;
        if (l.mark == Mark::stroke) return l.base == 'd' ? (l.upper ? U'Đ' : U'đ') : 0;
        if (l.mark != Mark::none) return 0;
        return static_cast<char32_t>(l.upper ? l.base - 'a' + 'A' : l.base);
    }
    for (const VowelRow& row : kVowels)
        if (row.base == l.base && row.mark == l.mark)
            return (l.upper ? row.upper : row.lower)[static_cast<std::size_t>(l.tone)];
    return 0;
}

std::optional<Syllable> analyse(const Word& word) {
    const std::size_t n = word.size();
    std::size_t i = 0;
    std::string onset;
    while (i < n && !is_vowel(word[i].base)) {
        const Letter& l = word[i];
        if (l.mark == Mark::stroke && i == 0)
            onset += '#';
        else if (l.mark != Mark::none)
            return std::nullopt;
        else
            onset += l.base;
        ++i;
    }
    if (!contains(kOnsets, onset)) return std::nullopt;
    std::size_t begin = i;
    // "gi" and "qu" are onsets when another vowel follows: "gia" = gi + a, "quy" = qu + y, but "gì" = g + ì.
    auto plain = [&](std::size_t k, char base) {
        return k < n && word[k].base == base && word[k].mark == Mark::none;
    };
    if (onset == "g" && plain(i, 'i') && i + 1 < n && is_vowel(word[i + 1].base)) begin = i + 1;
    if (onset == "q") {
        if (i < n && !plain(i, 'u')) return std::nullopt;
        if (i + 1 < n && is_vowel(word[i + 1].base)) begin = i + 1;
    }
    std::size_t end = begin;
    while (end < n && is_vowel(word[end].base))
        ++end;
    std::string coda;
    for (std::size_t k = end; k < n; ++k) {
        if (is_vowel(word[k].base) || word[k].mark != Mark::none) return std::nullopt;
        coda += word[k].base;
    }
    if (!contains(kCodas, coda)) return std::nullopt;
    if (begin == end) {
        if (!coda.empty()) return std::nullopt;
    } else if (end - begin > 3 || !valid_nucleus(word, begin, end)) {
        return std::nullopt;
    }
    return Syllable{begin, end, !coda.empty()};
}

std::optional<std::size_t> tone_position(const Word& word, ToneStyle style) {
    std::optional<Syllable> s = analyse(word);
    if (!s || s->nucleus_begin == s->nucleus_end) return std::nullopt;
    const std::size_t b = s->nucleus_begin, e = s->nucleus_end;
    // A vowel with a shape mark takes the tone; in "ươ" the second one ("người", "rượu").
    for (std::size_t k = e; k-- > b;)
        if (word[k].mark != Mark::none) return k;
    if (s->has_coda) return e - 1; // "hoán", "huýt", "xoóng"
    if (e - b == 3) return b + 1;  // "ngoái", "khuỷu"
    if (e - b == 2) {
        // Classic style puts the tone on the first vowel of every open two-vowel nucleus ("hòa", "thủy");
        // modern style moves it to the second in oa, oe, uy ("hoà", "thuỷ").
        if (style == ToneStyle::modern) {
            char first = word[b].base, second = word[b + 1].base;
            if ((first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y'))
                return b + 1;
        }
        return b;
    }
    return b;
}

Tone word_tone(const Word& word) {
    for (const Letter& l : word)
        if (l.tone != Tone::none) return l.tone;
    return Tone::none;
}

void clear_tone(Word& word) {
    for (Letter& l : word)
        l.tone = Tone::none;
}

bool place_tone(Word& word, Tone tone, ToneStyle style) {
    std::optional<std::size_t> pos = tone_position(word, style);
    if (!pos) return false;
    clear_tone(word);
    word[*pos].tone = tone;
    return true;
}

} // namespace kiosk::keyboard
