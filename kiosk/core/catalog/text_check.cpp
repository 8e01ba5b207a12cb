#include "kiosk/core/catalog/text_check.hpp"

#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::catalog {

namespace {

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

TextProblem problem(std::size_t offset, std::string message) {
    return TextProblem{false, offset, std::move(message)};
}

bool is_c0_c1_control(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

} // namespace

TextProblem check_text(std::string_view text) {
    bool maybe_not_nfc = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b >= 0x20 && b < 0x7F) { // printable ASCII: nothing to check
            ++pos;
            continue;
        }
        const std::optional<char32_t> cp = text::decode_next_strict(text, pos);
        if (!cp) return problem(start, "invalid UTF-8 at byte " + std::to_string(start));
        if (is_c0_c1_control(*cp))
            return problem(start, "control character " + hex_cp(*cp) + " at byte " + std::to_string(start));
        if (*cp == text::kReplacementChar)
            return problem(start, "replacement character U+FFFD at byte " + std::to_string(start) +
                                      " (text damaged by a bad conversion)");
        maybe_not_nfc = maybe_not_nfc || !text::nfc_stable(*cp);
    }
    if (maybe_not_nfc) {
        if (std::optional<text::NfcProblem> p = text::find_non_nfc(text))
            return problem(p->byte_offset, std::move(p->message));
    }
    return {};
}

namespace {
std::string escape(std::string_view text, std::size_t max_bytes, bool escape_quotes) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        const std::optional<char32_t> cp = text::decode_next_strict(text, next);
        const std::size_t n = cp ? next - pos : 1;
        if (pos + n > max_bytes) {
            out += "…";
            break;
        }
        if (!cp) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[pos]));
            out += buf;
        } else if (escape_quotes && (*cp == '"' || *cp == '\\')) {
            out += '\\', out += static_cast<char>(*cp);
        } else if (*cp < 0x20 || (*cp >= 0x7F && *cp <= 0x9F)) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(*cp));
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
