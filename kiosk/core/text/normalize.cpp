#include "kiosk/core/text/normalize.hpp"

#include "kiosk/core/text/unicode_tables.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <iterator>

namespace kiosk::text {
namespace {

using detail::Composition;
using detail::LatinLetter;

const LatinLetter* find_letter(char32_t cp) {
    const LatinLetter* begin = detail::kLatinLetters;
    const LatinLetter* end = begin + detail::kLatinLetterCount;
    const LatinLetter* it =
        std::lower_bound(begin, end, cp, [](const LatinLetter& l, char32_t v) { return l.cp < v; });
    return (it != end && it->cp == cp) ? it : nullptr;
}

const Composition* find_decomposition(char32_t cp) {
    const Composition* begin = detail::kDecompositions;
    const Composition* end = begin + detail::kCompositionCount;
    const Composition* it =
        std::lower_bound(begin, end, cp, [](const Composition& c, char32_t v) { return c.composed < v; });
    return (it != end && it->composed == cp) ? it : nullptr;
}

char32_t find_composition(char32_t first, char32_t second) {
    const Composition* begin = detail::kCompositions;
    const Composition* end = begin + detail::kCompositionCount;
    const Composition* it =
        std::lower_bound(begin, end, std::pair{first, second},
                         [](const Composition& c, const std::pair<char32_t, char32_t>& v) {
                             return c.first < v.first || (c.first == v.first && c.second < v.second);
                         });
    return (it != end && it->first == first && it->second == second) ? it->composed : 0;
}

void decompose_into(char32_t cp, std::u32string& out) {
    if (const Composition* d = find_decomposition(cp)) {
        decompose_into(d->first, out);
        out.push_back(d->second);
    } else {
        out.push_back(cp);
    }
}

} // namespace

bool is_combining_mark(char32_t cp) {
    return cp >= 0x0300 && cp < 0x0370;
}

unsigned combining_class(char32_t cp) {
    return is_combining_mark(cp) ? detail::kMarkClasses[cp - 0x0300] : 0;
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (const LatinLetter* l = find_letter(cp)) return l->lower;
    return cp;
}

char32_t fold_char(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (is_combining_mark(cp)) return 0;
    if (const LatinLetter* l = find_letter(cp)) return l->fold != 0 ? l->fold : l->lower;
    return cp;
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0x0250) return find_letter(cp) != nullptr;
    if (is_combining_mark(cp)) return true;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false; // punctuation, symbols, arrows, currency (₫)
    if (cp >= 0x3000 && cp <= 0x303F) return false; // CJK punctuation
    if (cp >= 0xE000 && cp <= 0xF8FF) return false; // private use
    return cp != 0xFEFF && cp != kReplacementChar && !(cp >= 0xFE00 && cp <= 0xFE0F);
}

std::string nfc(std::string_view utf8) {
    // 1. full canonical decomposition
    std::u32string cps;
    cps.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();)
        decompose_into(decode_next(utf8, pos), cps);
    // 2. canonical ordering: stable sort of each run of non-starters by combining class
    for (std::size_t i = 0; i < cps.size();) {
        if (combining_class(cps[i]) == 0) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < cps.size() && combining_class(cps[j]) != 0)
            ++j;
        std::stable_sort(cps.begin() + static_cast<std::ptrdiff_t>(i),
                         cps.begin() + static_cast<std::ptrdiff_t>(j),
                         [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
        i = j;
    }
    // 3. canonical composition
    std::u32string out;
    out.reserve(cps.size());
    std::size_t starter = std::u32string::npos;
    unsigned last_class = 0;
    for (char32_t cp : cps) {
        const unsigned cls = combining_class(cp);
        if (starter != std::u32string::npos) {
            const bool blocked = out.size() - 1 != starter && (last_class == 0 || last_class >= cls);
            if (!blocked) {
                if (const char32_t c = find_composition(out[starter], cp)) {
                    out[starter] = c;
                    continue;
                }
            }
        }
        if (cls == 0) {
            starter = out.size();
            last_class = 0;
        } else {
            last_class = cls;
        }
        out.push_back(cp);
    }
    return encode(out);
}

std::string to_lower(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();)
        append_utf8(out, to_lower(decode_next(utf8, pos)));
    return out;
}

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t f = fold_char(decode_next(utf8, pos));
        if (f != 0) append_utf8(out, f);
    }
    return out;
}

} // namespace kiosk::text
