#include "kiosk/core/dossier/utf8.hpp"

namespace kiosk::dossier::utf8 {

std::optional<char32_t> next(std::string_view text, std::size_t& pos) {
    if (pos >= text.size()) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (pos + len > text.size()) return std::nullopt;
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(text[pos + i]);
        if ((b & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    pos += len;
    return cp;
}

bool valid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size())
        if (!next(text, pos)) return false;
    return true;
}

bool is_control_or_format(char32_t cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
    if (cp >= 0x200B && cp <= 0x200F) return true; // zero-width space/joiners, LRM, RLM
    if (cp >= 0x202A && cp <= 0x202E) return true; // bidi embeddings and overrides
    if (cp >= 0x2060 && cp <= 0x2069) return true; // word joiner, invisible operators, bidi isolates
    return cp == 0xFEFF || cp == 0x00AD;           // BOM / zero-width no-break space, soft hyphen
}

bool is_combining(char32_t cp) {
    return cp >= 0x0300 && cp <= 0x036F;
}

} // namespace kiosk::dossier::utf8
