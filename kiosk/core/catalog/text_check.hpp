#pragma once
// Checks that catalog text is well-formed UTF-8 in Unicode NFC, without control characters.
// What the NFC check covers (documented limits, see nfc_tables.cpp):
//  * every code point that can never occur in NFC text (NFC_Quick_Check=No: singletons such as U+2126,
//    composition exclusions, U+0340/U+0341 tone marks) is rejected, in all planes;
//  * a combining mark U+0300..U+036F that NFC would compose with the preceding Latin base letter
//    (U+0020..U+024F, U+1E00..U+1EFF, e.g. "a" + U+0301 or "ạ" + U+0302 — decomposed Vietnamese) is rejected,
//    also when other marks of a different class stand in between (unblocked composition);
//  * marks of U+0300..U+036F after a starter must be in canonical order (non-decreasing combining class).
// Not covered: composition of marks outside U+0300..U+036F, non-Latin bases (Greek, Cyrillic...) and
// Hangul jamo. It does not normalize text; it only says where text is wrong.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::catalog {

struct TextProblem {
    bool ok = true;
    std::size_t byte_offset = 0; // where the offending sequence starts
    std::string message;         // e.g. "not NFC: U+0301 after 'a' at byte 3 (decomposed accent)"
};

// Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
[[nodiscard]] bool is_valid_utf8(std::string_view text);
// Full check: UTF-8, no C0/C1 controls except TAB and LF, no U+FFFD, NFC as described above.
[[nodiscard]] TextProblem check_text(std::string_view text);
// A short, printable, quoted excerpt of `text` for error messages: escapes quotes, controls and invalid
// UTF-8 bytes (as \xNN), cuts at about max_bytes with "…". The result is always valid UTF-8.
[[nodiscard]] std::string quote_excerpt(std::string_view text, std::size_t max_bytes = 60);
// The same without the surrounding quotes and without escaping quotes (for embedding foreign messages).
[[nodiscard]] std::string printable_excerpt(std::string_view text, std::size_t max_bytes = 300);

namespace detail {
extern const char32_t kNeverNfc[];
extern const unsigned kNeverNfcCount;
extern const unsigned char kCombiningClass0300[0x70];
extern const unsigned kComposablePairs[];
extern const unsigned kComposablePairCount;
} // namespace detail

} // namespace kiosk::catalog
