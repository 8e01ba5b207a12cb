#pragma once
// Normalisation for Latin and Vietnamese text: NFC composition, lowercase, and "folding" (lowercase with
// every diacritic removed and đ→d) so that "Đăng ký", "dang ky" and NFD input compare equal.
// Scope: Latin letters (U+0000..U+024F, U+1E00..U+1EFF) and combining marks U+0300..U+036F; other scripts
// pass through unchanged (no Hangul composition, no full Unicode case mapping).

#include <string>
#include <string_view>

namespace kiosk::text {

[[nodiscard]] bool is_combining_mark(char32_t cp);
// Canonical combining class (0 for starters and for code points outside the covered ranges).
[[nodiscard]] unsigned combining_class(char32_t cp);
[[nodiscard]] char32_t to_lower(char32_t cp);
// Lowercase, unaccented form of a letter: 'Ấ'→'a', 'Đ'→'d', 'B'→'b'. Combining marks fold to 0 (drop them);
// letters without an ASCII base (ø, ß) and other code points return their lowercase form.
[[nodiscard]] char32_t fold_char(char32_t cp);
// Letters, digits and combining marks: the characters that make up a word for search.
[[nodiscard]] bool is_word_char(char32_t cp);

// Canonical composition (NFC) of Latin text; decomposed Vietnamese ("e" U+0323 U+0302) becomes "ệ".
[[nodiscard]] std::string nfc(std::string_view utf8);
[[nodiscard]] std::string to_lower(std::string_view utf8);
// Lowercase without diacritics: fold("Đăng KÝ") == "dang ky". Works the same on NFC and NFD input.
[[nodiscard]] std::string fold(std::string_view utf8);

} // namespace kiosk::text
