#pragma once
// Splits text into words for search: each word keeps its byte range in the original UTF-8 (for highlighting)
// and its folded form (lowercase, no diacritics, đ→d). Separators are everything that is not a letter,
// digit or combining mark. It does not segment words run together, and knows nothing about stop words.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct Token {
    std::size_t begin = 0; // byte offset in the original text
    std::size_t end = 0;   // one past the last byte
    std::string folded;
};

[[nodiscard]] std::vector<Token> tokenize(std::string_view utf8);

} // namespace kiosk::text
