#include "kiosk/core/speech/spoken_words.hpp"

#include <array>

namespace kiosk::speech {

namespace {

const std::array<const char*, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                             "năm",   "sáu", "bảy", "tám", "chín"};

// Letter names as Vietnamese announcers read them (F, J, W, Z: the usual loan names).
const std::array<const char*, 26> kLetterNames = {
    "a",     "bê", "xê", "dê",  "e",    "ép",    "giê", "hát", "i",  "gi",     "ca",     "e lờ",  "em mờ",
    "en nờ", "o",  "pê", "quy", "e rờ", "ét xì", "tê",  "u",   "vê", "vê kép", "ích xì", "i dài", "dét"};

SpokenWord digit(int d) {
    return {kDigits[static_cast<std::size_t>(d)], "so_" + std::to_string(d)};
}

// 0 < n < 100, as said after nothing ("mười lăm", "hai mươi mốt", "chín").
void add_tens(std::vector<SpokenWord>& out, int n) {
    const int tens = n / 10, units = n % 10;
    if (tens == 0) {
        out.push_back(digit(units));
        return;
    }
    if (tens == 1) {
        out.push_back({"mười", "so_10"});
    } else {
        out.push_back(digit(tens));
        out.push_back({"mươi", "muoi"});
    }
    if (units == 0) return;
    if (units == 5)
        out.push_back({"lăm", "lam"});
    else if (units == 1 && tens > 1)
        out.push_back({"mốt", "mot_sac"});
    else if (units == 4 && tens > 1)
        out.push_back({"tư", "tu"});
    else
        out.push_back(digit(units));
}

// 0 ≤ n < 1000; `leading` when nothing was said before it (so no "không trăm").
void add_hundreds(std::vector<SpokenWord>& out, int n, bool leading) {
    const int hundreds = n / 100, rest = n % 100;
    if (hundreds > 0 || !leading) {
        out.push_back(digit(hundreds));
        out.push_back({"trăm", "tram"});
    }
    if (rest == 0) return;
    if (rest < 10 && (hundreds > 0 || !leading)) {
        out.push_back({"linh", "linh"});
        out.push_back(digit(rest));
        return;
    }
    add_tens(out, rest);
}

} // namespace

std::vector<SpokenWord> vietnamese_number(long n) {
    std::vector<SpokenWord> out;
    if (n < 0) return out;
    if (n >= 1'000'000) {
        for (char c : std::to_string(n))
            out.push_back(digit(c - '0'));
        return out;
    }
    if (n == 0) {
        out.push_back(digit(0));
        return out;
    }
    const int thousands = static_cast<int>(n / 1000), rest = static_cast<int>(n % 1000);
    if (thousands > 0) {
        add_hundreds(out, thousands, true);
        out.push_back({"nghìn", "nghin"});
        if (rest > 0) add_hundreds(out, rest, false);
        return out;
    }
    add_hundreds(out, rest, true);
    return out;
}

std::vector<SpokenWord> vietnamese_letter(char32_t letter) {
    if (letter == U'Đ' || letter == U'đ') return {{"đê", "letter_dd"}};
    if (letter >= U'a' && letter <= U'z') letter = letter - U'a' + U'A';
    if (letter < U'A' || letter > U'Z') return {};
    const auto index = static_cast<std::size_t>(letter - U'A');
    const std::string key = std::string("letter_") + static_cast<char>('a' + index);
    return {{kLetterNames[index], key}};
}

} // namespace kiosk::speech
