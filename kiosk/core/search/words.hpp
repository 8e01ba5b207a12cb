#pragma once
// Word-level rules of the search: spelling variants ("ky"≡"ki"), filler words of spoken sentences
// ("tôi muốn làm ... cho con"), and a bounded typo distance. All work on folded words (see text::fold).
// Internal to kiosk/core/search; it does not know about the index.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::search::detail {

// Vietnamese writes a lone final i/y both ways (kỹ/kĩ, lý/lí, quy/qui): consonants + "y" becomes "i".
void canonicalize_word(std::string& folded);

// Marks words that carry no procedure meaning in a question ("tôi", "muốn", "thủ tục", "như thế nào").
// Context-dependent: "cần" is filler after a pronoun ("tôi cần") but not in "căn cước" (folds to "can").
[[nodiscard]] std::vector<bool> mark_fillers(const std::vector<std::string>& words);

// Optimal-string-alignment distance (insert, delete, substitute, swap of neighbours), or max + 1 when it
// exceeds `max`. Byte-wise: callers pass folded ASCII words.
[[nodiscard]] unsigned bounded_distance(std::string_view a, std::string_view b, unsigned max);

// 26 bits for a–z, one for digits, one for anything else: a cheap filter before bounded_distance.
[[nodiscard]] unsigned letter_mask(std::string_view word);

} // namespace kiosk::search::detail
