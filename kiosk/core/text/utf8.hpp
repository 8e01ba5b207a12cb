#pragma once
// UTF-8 decoding and encoding, one code point at a time. Invalid or truncated sequences, overlong forms and
// surrogates decode as U+FFFD and consume one byte, so callers always make progress and never read past the
// end. It does not normalise, validate whole documents or handle UTF-16.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Precondition: pos < s.size().
[[nodiscard]] char32_t decode_next(std::string_view s, std::size_t& pos);

// Appends the UTF-8 form of `cp` (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

[[nodiscard]] std::u32string decode(std::string_view s);
[[nodiscard]] std::string encode(std::u32string_view cps);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view s);

} // namespace kiosk::text
