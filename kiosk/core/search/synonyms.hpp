#pragma once
// Everyday words citizens type, mapped to the official wording used in procedure names ("sổ đỏ" →
// "giấy chứng nhận quyền sử dụng đất"). Parsed from text (assets/catalog/synonyms.tsv); this type does no
// file I/O and does not decide how the search index uses the pairs.
//
// Format: one pair per line, `everyday<TAB>official`; blank lines and lines starting with '#' are ignored.

#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::search {

struct Synonym {
    std::string everyday;
    std::string official;
};

struct SynonymTable {
    std::vector<Synonym> entries;
};

// `origin` names the text in error messages (e.g. the file path). Errors name the line and what was wrong.
[[nodiscard]] Result<SynonymTable> parse_synonyms(std::string_view text, std::string_view origin);

} // namespace kiosk::search
