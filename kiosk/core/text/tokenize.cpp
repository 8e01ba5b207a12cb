#include "kiosk/core/text/tokenize.hpp"

#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::text {
namespace {

bool is_ascii_alnum(unsigned char b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

} // namespace

std::vector<Token> tokenize(std::string_view utf8) {
    std::vector<Token> tokens;
    Token current;
    bool in_word = false;
    const auto finish = [&] {
        if (in_word && !current.folded.empty()) tokens.push_back(std::move(current));
        in_word = false;
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0x80) { // ASCII fast path: no decoding, no table
            ++pos;
            if (!is_ascii_alnum(b)) {
                finish();
                continue;
            }
            if (!in_word) {
                current = Token{start, start, {}};
                in_word = true;
            }
            current.folded.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
            current.end = pos;
            continue;
        }
        const char32_t cp = decode_next(utf8, pos);
        if (!is_word_char(cp)) {
            finish();
            continue;
        }
        if (!in_word) {
            current = Token{start, start, {}};
            in_word = true;
        }
        append_folded(current.folded, cp);
        current.end = pos;
    }
    finish();
    return tokens;
}

} // namespace kiosk::text
