#include "kiosk/core/catalog/text_check.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::catalog {

namespace {

// Decodes one code point at text[pos]; returns bytes consumed, 0 if the sequence is invalid.
std::size_t decode(std::string_view text, std::size_t pos, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    std::size_t len = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > text.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string encode(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

bool is_latin_base(char32_t cp) {
    return (cp >= 0x20 && cp < 0x250) || (cp >= 0x1E00 && cp < 0x1F00);
}

bool never_nfc(char32_t cp) {
    const char32_t* end = detail::kNeverNfc + detail::kNeverNfcCount;
    return std::binary_search(detail::kNeverNfc, end, cp);
}

bool composes(char32_t base, char32_t mark) {
    const unsigned key = (static_cast<unsigned>(base) << 12) | static_cast<unsigned>(mark - 0x300);
    const unsigned* end = detail::kComposablePairs + detail::kComposablePairCount;
    return std::binary_search(detail::kComposablePairs, end, key);
}

TextProblem problem(std::size_t offset, std::string message) {
    return TextProblem{false, offset, std::move(message)};
}

} // namespace

bool is_valid_utf8(std::string_view text) {
    char32_t cp = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t n = decode(text, pos, cp);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

TextProblem check_text(std::string_view text) {
    char32_t starter = 0;
    bool starter_composes = false; // the last starter is a Latin letter NFC could compose with
    unsigned last_ccc = 0;         // combining class of the previous mark since the starter
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        const std::size_t n = decode(text, pos, cp);
        if (n == 0) return problem(pos, "invalid UTF-8 at byte " + std::to_string(pos));
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F))
            return problem(pos, "control character " + hex_cp(cp) + " at byte " + std::to_string(pos));
        if (cp == 0xFFFD)
            return problem(pos, "replacement character U+FFFD at byte " + std::to_string(pos) +
                                    " (text damaged by a bad conversion)");
        if (never_nfc(cp))
            return problem(pos, "not NFC: " + hex_cp(cp) + " at byte " + std::to_string(pos) +
                                    " never occurs in normalized text");
        if (cp >= 0x300 && cp < 0x370) {
            const unsigned ccc = detail::kCombiningClass0300[cp - 0x300];
            if (ccc == 0) {
                starter_composes = false, last_ccc = 0;
            } else {
                if (last_ccc > ccc)
                    return problem(pos, "not NFC: combining marks out of canonical order at byte " +
                                            std::to_string(pos));
                if (starter_composes && last_ccc < ccc && composes(starter, cp))
                    return problem(pos, "not NFC: " + hex_cp(cp) + " at byte " + std::to_string(pos) +
                                            " combines with '" + encode(starter) +
                                            "' into one precomposed letter (decomposed accent)");
                last_ccc = ccc;
            }
        } else {
            starter = cp, starter_composes = is_latin_base(cp), last_ccc = 0;
        }
        pos += n;
    }
    return {};
}

namespace {
std::string escape(std::string_view text, std::size_t max_bytes, bool escape_quotes) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = 0;
        std::size_t n = decode(text, pos, cp);
        if (pos + std::max<std::size_t>(n, 1) > max_bytes) {
            out += "…";
            break;
        }
        if (n == 0) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[pos]));
            out += buf;
            n = 1;
        } else if (escape_quotes && (cp == '"' || cp == '\\')) {
            out += '\\', out += static_cast<char>(cp);
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(text.substr(pos, n));
        }
        pos += n;
    }
    return out;
}
} // namespace

std::string quote_excerpt(std::string_view text, std::size_t max_bytes) {
    std::string out(1, '"');
    out += escape(text, max_bytes, true);
    out += '"';
    return out;
}

std::string printable_excerpt(std::string_view text, std::size_t max_bytes) {
    return escape(text, max_bytes, false);
}

} // namespace kiosk::catalog
