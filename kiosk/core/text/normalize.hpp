#pragma once
// Normalisation on utf8proc, for every script: canonical composition (NFC), a check that says where text is
// not NFC, lowercase, and "folding" for search (case folding with every diacritic removed, and đ→d, which
// Unicode does not decompose) so that "Đăng ký", "dang ky" and NFD input compare equal.
// Invalid UTF-8 is read leniently (as U+FFFD) except by find_non_nfc, which reports it. It does not do
// compatibility (NFKC) mappings, locale-specific casing (Turkish i) or transliteration (ø, ł stay).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::text {

// Canonical composition (NFC); decomposed Vietnamese ("e" U+0323 U+0302) becomes "ệ".
[[nodiscard]] std::string nfc(std::string_view utf8);

struct NfcProblem {
    std::size_t byte_offset = 0; // where the offending code point starts
    std::string message; // e.g. "not NFC: U+0301 at byte 3 combines with 'a' into one precomposed ..."
};
// The first place where `utf8` is not well-formed UTF-8 in NFC, with a message that names the code point
// and the byte offset; nullopt when the text is NFC.
[[nodiscard]] std::optional<NfcProblem> find_non_nfc(std::string_view utf8);
[[nodiscard]] bool is_nfc(std::string_view utf8);

// Simple (one code point to one) Unicode lowercase mapping.
[[nodiscard]] char32_t to_lower(char32_t cp);
[[nodiscard]] std::string to_lower(std::string_view utf8);

// Appends the folded form of one code point: 'Ấ'→"a", 'Đ'→"d", 'ß'→"ss"; combining marks append nothing.
void append_folded(std::string& out, char32_t cp);
// Lowercase without diacritics: fold("Đăng KÝ") == "dang ky". Works the same on NFC and NFD input.
[[nodiscard]] std::string fold(std::string_view utf8);

// True for code points that are NFC whatever surrounds them (no decomposition that NFC keeps apart, never
// composed with a neighbour, combining class 0): U+0000..U+02FF, U+1E00..U+1EFF, U+2002..U+20CF. Text made
// only of these is NFC without further work; for other code points it says nothing.
[[nodiscard]] bool nfc_stable(char32_t cp);

} // namespace kiosk::text
