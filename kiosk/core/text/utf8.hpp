#pragma once
// UTF-8 decoding, validation and encoding, one code point at a time, on top of utf8proc's decoder.
// Two decoders: decode_next is lenient (an invalid, truncated or overlong sequence, a surrogate or a value
// above U+10FFFF decodes as U+FFFD and consumes exactly one byte, so callers always make progress and never
// read past the end); decode_next_strict refuses the same input. It does not normalise (normalize.hpp),
// classify code points (classify.hpp) or handle UTF-16.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

namespace detail {
// The non-ASCII part of decode_next; kept out of line so the ASCII case stays inline.
[[nodiscard]] char32_t decode_multibyte(std::string_view s, std::size_t& pos);
} // namespace detail

// Lenient: decodes the code point at `pos` and advances `pos` past it; invalid input gives U+FFFD and
// advances one byte. Precondition: pos < s.size().
[[nodiscard]] inline char32_t decode_next(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    return detail::decode_multibyte(s, pos);
}

// Strict: decodes the code point at `pos` and advances past it; nullopt (pos unchanged) when pos is at the
// end or the bytes there are not well-formed UTF-8 (overlong, surrogate, above U+10FFFF, truncated).
[[nodiscard]] std::optional<char32_t> decode_next_strict(std::string_view s, std::size_t& pos);

// Appends the UTF-8 form of `cp` (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Lenient decoding of a whole string (see decode_next).
[[nodiscard]] std::u32string decode(std::string_view s);
[[nodiscard]] std::string encode(std::u32string_view cps);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF, no truncation).
[[nodiscard]] bool is_valid_utf8(std::string_view s);
// Byte offset of the first ill-formed sequence; nullopt when `s` is well-formed.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view s);

} // namespace kiosk::text
