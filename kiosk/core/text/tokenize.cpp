#include "kiosk/core/text/tokenize.hpp"

#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::text {

std::vector<Token> tokenize(std::string_view utf8) {
    std::vector<Token> tokens;
    Token current;
    bool in_word = false;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        const char32_t cp = decode_next(utf8, pos);
        if (is_word_char(cp)) {
            if (!in_word) {
                current = Token{start, start, {}};
                in_word = true;
            }
            if (const char32_t f = fold_char(cp)) append_utf8(current.folded, f);
            current.end = pos;
        } else if (in_word) {
            if (!current.folded.empty()) tokens.push_back(std::move(current));
            in_word = false;
        }
    }
    if (in_word && !current.folded.empty()) tokens.push_back(std::move(current));
    return tokens;
}

} // namespace kiosk::text
