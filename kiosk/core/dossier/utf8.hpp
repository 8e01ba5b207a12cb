#pragma once
// Small UTF-8 helpers for the dossier module: strict decoding (rejects overlong forms, surrogates and
// truncated sequences) and classification; encoding is kiosk::text::append_utf8. It does not normalise (NFC).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::dossier::utf8 {

// Decodes the code point starting at text[pos]; advances pos past it. nullopt on invalid UTF-8.
[[nodiscard]] std::optional<char32_t> next(std::string_view text, std::size_t& pos);

// True when the whole text is valid UTF-8.
[[nodiscard]] bool valid(std::string_view text);

// True for C0/C1 controls, DEL, and invisible format characters that can disguise text
// (bidi overrides and isolates, zero-width characters, BOM).
[[nodiscard]] bool is_control_or_format(char32_t cp);

// True for combining diacritical marks (U+0300..U+036F), which belong to the letter before them.
[[nodiscard]] bool is_combining(char32_t cp);

} // namespace kiosk::dossier::utf8
