#pragma once
// Internal to kiosk/core/text: a per-code-point summary of utf8proc's data for U+0000..U+1FFF (Latin,
// Vietnamese, combining marks, Greek, Cyrillic...), computed from utf8proc once, on first use, so that the
// search path (fold, tokenize) costs one array read per character. Not a public interface.

#include <cstdint>

namespace kiosk::text::detail {

inline constexpr char32_t kTableEnd = 0x2000;

inline constexpr std::uint32_t kFoldMask = 0x1FFFFF;  // the folded code point when it is exactly one
inline constexpr std::uint32_t kFoldDrops = 1u << 24; // folds to nothing (a combining mark)
inline constexpr std::uint32_t kFoldMulti = 1u << 25; // folds to several code points (ß → ss)
inline constexpr std::uint32_t kWordChar = 1u << 26;
inline constexpr std::uint32_t kMark = 1u << 27;

// The entry for cp < kTableEnd.
[[nodiscard]] std::uint32_t char_info(char32_t cp);

// Folded form of one code point as utf8proc computes it (case folding, canonical decomposition, marks
// stripped) plus đ → d. Writes up to `capacity` code points; returns how many there are.
[[nodiscard]] int fold_code_point(char32_t cp, char32_t* out, int capacity);

} // namespace kiosk::text::detail
