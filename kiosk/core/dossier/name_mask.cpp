#include "kiosk/core/dossier/name_mask.hpp"

#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <vector>

namespace kiosk::dossier {
namespace {

bool is_separator(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

// The first letter of a word with the combining marks that follow it (NFD input).
std::string first_letter(const std::vector<char32_t>& word) {
    std::string out;
    std::size_t i = 0;
    if (i < word.size()) text::append_utf8(out, word[i++]);
    while (i < word.size() && text::is_combining_mark(word[i]))
        text::append_utf8(out, word[i++]);
    return out;
}

} // namespace

std::string mask_applicant_name(std::string_view full_name) {
    std::vector<std::vector<char32_t>> words(1);
    std::size_t pos = 0;
    while (pos < full_name.size()) {
        const auto cp = text::decode_next_strict(full_name, pos);
        if (!cp || text::is_control_or_format(*cp)) return "***";
        if (is_separator(*cp)) {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back().push_back(*cp);
        }
    }
    if (words.back().empty()) words.pop_back();
    if (words.empty()) return "";
    if (words.size() == 1) return first_letter(words[0]) + "***";
    std::string out;
    for (char32_t cp : words.front())
        text::append_utf8(out, cp);
    for (std::size_t i = 1; i + 1 < words.size(); ++i)
        out += " " + first_letter(words[i]) + "***";
    out += " " + first_letter(words.back());
    return out;
}

} // namespace kiosk::dossier
