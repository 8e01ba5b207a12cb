#include "kiosk/core/text/utf8.hpp"

#include <utf8proc.h>

namespace kiosk::text {
namespace {

// Bytes of the well-formed sequence at s[pos], or 0 when it is ill-formed. Precondition: pos < s.size().
// utf8proc_iterate rejects overlongs, surrogates, values above U+10FFFF and truncated sequences.
std::size_t decode_at(std::string_view s, std::size_t pos, char32_t& cp) {
    utf8proc_int32_t value = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                                static_cast<utf8proc_ssize_t>(s.size() - pos), &value);
    if (n <= 0 || value < 0) return 0;
    cp = static_cast<char32_t>(value);
    return static_cast<std::size_t>(n);
}

} // namespace

namespace detail {
char32_t decode_multibyte(std::string_view s, std::size_t& pos) {
    char32_t cp = 0;
    const std::size_t n = decode_at(s, pos, cp);
    if (n == 0) {
        ++pos;
        return kReplacementChar;
    }
    pos += n;
    return cp;
}
} // namespace detail

std::optional<char32_t> decode_next_strict(std::string_view s, std::size_t& pos) {
    if (pos >= s.size()) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    char32_t cp = 0;
    const std::size_t n = decode_at(s, pos, cp);
    if (n == 0) return std::nullopt;
    pos += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    // Own encoder: utf8proc_encode_char writes U+FFFF as a lone 0xFF byte and does not check surrogates.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();)
        out.push_back(decode_next(s, pos));
    return out;
}

std::string encode(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size());
    for (char32_t cp : cps)
        append_utf8(out, cp);
    return out;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t n = decode_at(s, pos, cp);
        if (n == 0) return pos;
        pos += n;
    }
    return std::nullopt;
}

bool is_valid_utf8(std::string_view s) {
    return !find_invalid_utf8(s).has_value();
}

} // namespace kiosk::text
