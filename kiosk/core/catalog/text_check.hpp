#pragma once
// Checks that catalog text is well-formed UTF-8 in Unicode NFC, without control characters, and makes short
// printable excerpts of untrusted text for error messages. Built on kiosk/core/text (utf8proc): the NFC
// check covers every script. It does not normalize text; it only says what is wrong and where.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::catalog {

struct TextProblem {
    bool ok = true;
    std::size_t byte_offset = 0; // where the offending sequence starts
    std::string message; // e.g. "not NFC: U+0301 at byte 3 combines with 'a' into one precomposed ..."
};

// Full check: strict UTF-8 (no overlongs, surrogates or values above U+10FFFF), no C0/C1 controls except TAB
// and LF, no U+FFFD, NFC (text::find_non_nfc). The message names the code point and the byte offset.
[[nodiscard]] TextProblem check_text(std::string_view text);
// A short, printable, quoted excerpt of `text` for error messages: escapes quotes, controls and invalid
// UTF-8 bytes (as \xNN), cuts at about max_bytes with "…". The result is always valid UTF-8.
[[nodiscard]] std::string quote_excerpt(std::string_view text, std::size_t max_bytes = 60);
// The same without the surrounding quotes and without escaping quotes (for embedding foreign messages).
[[nodiscard]] std::string printable_excerpt(std::string_view text, std::size_t max_bytes = 300);

} // namespace kiosk::catalog
