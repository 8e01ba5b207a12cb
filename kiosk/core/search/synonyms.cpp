#include "kiosk/core/search/synonyms.hpp"

#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::search {
namespace {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\r' || c == '\t'; };
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

Result<SynonymTable> parse_synonyms(std::string_view text, std::string_view origin) {
    SynonymTable table;
    std::size_t line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (line.size() >= 3 && line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).front() == '#') continue;
        const std::string where = std::string(origin) + " line " + std::to_string(line_no);
        if (!text::is_valid_utf8(line)) return make_error("invalid_utf8", where + ": not valid UTF-8");
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
            return make_error(
                "invalid_synonyms",
                where + ": expected exactly two tab-separated columns 'everyday<TAB>official', got '" +
                    std::string(line) + "'");
        }
        const std::string_view everyday = trim(line.substr(0, tab));
        const std::string_view official = trim(line.substr(tab + 1));
        if (everyday.empty() || official.empty()) {
            return make_error("invalid_synonyms",
                              where + ": empty " + (everyday.empty() ? "everyday" : "official") + " column");
        }
        table.entries.push_back(Synonym{text::nfc(everyday), text::nfc(official)});
    }
    return table;
}

} // namespace kiosk::search
