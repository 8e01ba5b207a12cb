#pragma once
// Per-code-point Unicode properties from utf8proc's database: canonical combining class, combining marks,
// the characters that make up a word for search, and invisible control/format characters. Queries only;
// it does not decode UTF-8 (utf8.hpp) or change text (normalize.hpp).

namespace kiosk::text {

// Canonical combining class (0 for starters, and for values that are not code points).
[[nodiscard]] unsigned combining_class(char32_t cp);
// True for combining marks of any script (general category Mn, Mc, Me), e.g. U+0301, U+0323; they belong
// to the letter before them.
[[nodiscard]] bool is_combining_mark(char32_t cp);
// Letters, decimal digits, letter numbers and combining marks: the characters that make up a word for
// search. Punctuation, symbols (₫, –, “), spaces, controls and U+FFFD are separators.
[[nodiscard]] bool is_word_char(char32_t cp);
// True for C0/C1 controls and DEL, and for invisible format characters that can disguise text: bidi
// embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), zero-width characters and joiners
// (U+200B..U+200D, U+2060), LRM/RLM, soft hyphen, BOM (U+FEFF), tags — every general category Cc and Cf,
// plus the unassigned U+2065.
[[nodiscard]] bool is_control_or_format(char32_t cp);

} // namespace kiosk::text
