#include "kiosk/core/text/classify.hpp"

#include "kiosk/core/text/char_table.hpp"

#include <utf8proc.h>

#include <array>

namespace kiosk::text {
namespace {

utf8proc_category_t category_of(char32_t cp) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool is_mark_category(utf8proc_category_t c) {
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

bool is_word_category(utf8proc_category_t c) {
    switch (c) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        return false;
    }
}

bool valid_code_point(char32_t cp) {
    return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

std::array<std::uint32_t, detail::kTableEnd> build_table() {
    std::array<std::uint32_t, detail::kTableEnd> table{};
    for (char32_t cp = 0; cp < detail::kTableEnd; ++cp) {
        std::uint32_t info = 0;
        char32_t folded[8];
        const int n = detail::fold_code_point(cp, folded, 8);
        if (n == 0)
            info |= detail::kFoldDrops;
        else if (n == 1)
            info |= static_cast<std::uint32_t>(folded[0]) & detail::kFoldMask;
        else
            info |= detail::kFoldMulti;
        const utf8proc_category_t c = category_of(cp);
        if (is_word_category(c)) info |= detail::kWordChar;
        if (is_mark_category(c)) info |= detail::kMark;
        table[cp] = info;
    }
    return table;
}

} // namespace

namespace detail {

std::uint32_t char_info(char32_t cp) {
    static const std::array<std::uint32_t, kTableEnd> table = build_table();
    return table[cp];
}

int fold_code_point(char32_t cp, char32_t* out, int capacity) {
    if (!valid_code_point(cp)) {
        if (capacity > 0) out[0] = cp;
        return 1;
    }
    // Case folding first, then canonical decomposition of the result, with every mark dropped: "Ấ" → "a",
    // "ß" → "ss". utf8proc applies the options recursively, so nothing here allocates.
    utf8proc_int32_t buf[16];
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const utf8proc_ssize_t n =
        utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 16, options, nullptr);
    if (n < 0 || n > 16) { // cannot happen for valid code points; keep the lowercase letter
        if (capacity > 0) out[0] = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
        return 1;
    }
    int written = 0;
    for (utf8proc_ssize_t i = 0; i < n && written < capacity; ++i) {
        char32_t f = static_cast<char32_t>(buf[i]);
        if (f == 0x0111) f = U'd'; // đ has no decomposition in Unicode (a letter of its own), folds to d
        out[written++] = f;
    }
    return written;
}

} // namespace detail

unsigned combining_class(char32_t cp) {
    if (cp < 0x300 || !valid_code_point(cp)) return 0;
    return static_cast<unsigned>(utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class);
}

bool is_combining_mark(char32_t cp) {
    if (cp < detail::kTableEnd) return (detail::char_info(cp) & detail::kMark) != 0;
    return valid_code_point(cp) && is_mark_category(category_of(cp));
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < detail::kTableEnd) return (detail::char_info(cp) & detail::kWordChar) != 0;
    return valid_code_point(cp) && is_word_category(category_of(cp));
}

bool is_control_or_format(char32_t cp) {
    if (cp < 0x80) return cp < 0x20 || cp == 0x7F;
    if (!valid_code_point(cp)) return false;
    if (cp >= 0x2060 && cp <= 0x206F) return true; // word joiner, invisible operators, bidi isolates
    const utf8proc_category_t c = category_of(cp);
    return c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF;
}

} // namespace kiosk::text
