#include "kiosk/core/text/normalize.hpp"

#include "kiosk/core/text/char_table.hpp"
#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kiosk::text {
namespace {

using CodePoints = std::vector<utf8proc_int32_t>;

constexpr auto kDecompose = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
// STABLE makes utf8proc respect the composition exclusions, as NFC requires.
constexpr auto kCompose = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

unsigned ccc(utf8proc_int32_t cp) {
    return combining_class(static_cast<char32_t>(cp));
}

// NFC of a sequence of valid code points: full canonical decomposition, canonical ordering, composition.
CodePoints nfc_of(const utf8proc_int32_t* cps, std::size_t count) {
    CodePoints out;
    out.reserve(count + 8);
    utf8proc_int32_t buf[32];
    for (std::size_t i = 0; i < count; ++i) {
        const utf8proc_ssize_t n = utf8proc_decompose_char(cps[i], buf, 32, kDecompose, nullptr);
        if (n < 0 || n > 32)
            out.push_back(cps[i]);
        else
            out.insert(out.end(), buf, buf + n);
    }
    // canonical ordering: stable sort of every run of non-starters by combining class
    for (std::size_t i = 0; i < out.size();) {
        if (ccc(out[i]) == 0) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < out.size() && ccc(out[j]) != 0)
            ++j;
        std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i),
                         out.begin() + static_cast<std::ptrdiff_t>(j),
                         [](utf8proc_int32_t a, utf8proc_int32_t b) { return ccc(a) < ccc(b); });
        i = j;
    }
    const utf8proc_ssize_t n =
        utf8proc_normalize_utf32(out.data(), static_cast<utf8proc_ssize_t>(out.size()), kCompose);
    if (n >= 0) out.resize(static_cast<std::size_t>(n));
    return out;
}

CodePoints nfc_of(const CodePoints& cps, std::size_t begin, std::size_t end) {
    return nfc_of(cps.data() + begin, end - begin);
}

std::string hex_cp(utf8proc_int32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string at_byte(std::size_t offset) {
    return " at byte " + std::to_string(offset);
}

// Explains why cps (the decoded text, starting at byte offsets `at`) differs from its NFC form `normal`.
NfcProblem explain(const CodePoints& cps, const std::vector<std::size_t>& at, const CodePoints& normal) {
    std::size_t k = 0;
    while (k < cps.size() && k < normal.size() && cps[k] == normal[k])
        ++k;
    if (k == cps.size()) k = cps.size() - 1; // NFC is longer: only possible through the last code point
    // The segment around k: its starter and the non-starters after it.
    std::size_t s = k;
    while (s > 0 && ccc(cps[s]) != 0)
        --s;
    std::size_t e = s + 1;
    while (e < cps.size() && ccc(cps[e]) != 0)
        ++e;
    for (std::size_t i = s; i < e; ++i) {
        if (nfc_of(cps, i, i + 1) != CodePoints{cps[i]})
            return {at[i],
                    "not NFC: " + hex_cp(cps[i]) + at_byte(at[i]) + " never occurs in normalized text"};
    }
    for (std::size_t i = s + 1; i < e; ++i) {
        if (ccc(cps[i - 1]) > ccc(cps[i]))
            return {at[i], "not NFC: combining marks out of canonical order" + at_byte(at[i])};
    }
    if (ccc(cps[s]) == 0) {
        // The first code point after the starter (a mark, or the next starter such as a Hangul vowel) that
        // NFC merges into it.
        for (std::size_t j = s + 1; j < std::min(e + 1, cps.size()); ++j) {
            CodePoints separate = nfc_of(cps, s, j);
            separate.push_back(cps[j]);
            if (nfc_of(cps, s, j + 1) != separate) {
                std::string base;
                append_utf8(base, static_cast<char32_t>(cps[s]));
                return {at[j],
                        "not NFC: " + hex_cp(cps[j]) + at_byte(at[j]) + " combines with '" + base +
                            "' into one precomposed " +
                            (is_combining_mark(static_cast<char32_t>(cps[j])) ? "letter (decomposed accent)"
                                                                              : "character")};
            }
        }
    }
    return {at[k], "not NFC: normalization changes " + hex_cp(cps[k]) + at_byte(at[k])};
}

} // namespace

bool nfc_stable(char32_t cp) {
    return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2002 && cp < 0x20D0);
}

std::string nfc(std::string_view utf8) {
    if (is_ascii(utf8)) return std::string(utf8);
    CodePoints cps;
    cps.reserve(utf8.size());
    bool quick = true;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = decode_next(utf8, pos);
        quick = quick && nfc_stable(cp);
        cps.push_back(static_cast<utf8proc_int32_t>(cp));
    }
    if (!quick) cps = nfc_of(cps.data(), cps.size());
    std::string out;
    out.reserve(utf8.size());
    for (utf8proc_int32_t cp : cps)
        append_utf8(out, static_cast<char32_t>(cp));
    return out;
}

std::optional<NfcProblem> find_non_nfc(std::string_view utf8) {
    bool quick = true;
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const std::optional<char32_t> cp = decode_next_strict(utf8, pos);
        if (!cp) return NfcProblem{start, "invalid UTF-8" + at_byte(start)};
        quick = quick && nfc_stable(*cp);
    }
    if (quick) return std::nullopt;
    CodePoints cps;
    std::vector<std::size_t> at;
    cps.reserve(utf8.size());
    at.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        at.push_back(pos);
        cps.push_back(static_cast<utf8proc_int32_t>(*decode_next_strict(utf8, pos)));
    }
    const CodePoints normal = nfc_of(cps.data(), cps.size());
    if (normal == cps) return std::nullopt;
    return explain(cps, at, normal);
}

bool is_nfc(std::string_view utf8) {
    return !find_non_nfc(utf8).has_value();
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return cp;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

namespace {

// ASCII is lowercased byte by byte (the common case on the search path); every other code point goes through
// `other(out, cp)`.
template <class Other> std::string map_lowercase(std::string_view utf8, Other other) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
            ++pos;
            continue;
        }
        other(out, decode_next(utf8, pos));
    }
    return out;
}

} // namespace

std::string to_lower(std::string_view utf8) {
    return map_lowercase(utf8, [](std::string& out, char32_t cp) { append_utf8(out, to_lower(cp)); });
}

void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    if (cp < detail::kTableEnd) {
        const std::uint32_t info = detail::char_info(cp);
        if (info & detail::kFoldDrops) return;
        if (!(info & detail::kFoldMulti)) {
            append_utf8(out, static_cast<char32_t>(info & detail::kFoldMask));
            return;
        }
    }
    char32_t folded[16];
    const int n = detail::fold_code_point(cp, folded, 16);
    for (int i = 0; i < n; ++i)
        append_utf8(out, folded[i]);
}

std::string fold(std::string_view utf8) {
    return map_lowercase(utf8, [](std::string& out, char32_t cp) { append_folded(out, cp); });
}

} // namespace kiosk::text
