#include "kiosk/core/search/words.hpp"

#include <algorithm>
#include <array>

namespace kiosk::search::detail {
namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

template <std::size_t N> bool contains(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Always filler. Deliberately absent: words that fold onto procedure vocabulary, e.g. "nhà"/"nha",
// "thẻ"/"the", "bảo"/"bao", "đầu"/"dau", "đi"/"di" (di chúc), "căn"/"can", "bạn"/"ban" (bản sao).
constexpr std::array<std::string_view, 40> kFillers = {
    "toi",  "tui", "em", "anh", "ong", "ba",  "co",   "muon",  "xin", "lam",   "cho", "cua", "duoc",
    "o",    "thi", "la", "va",  "voi", "nao", "sao",  "gi",    "may", "hoi",   "a",   "nhe", "giup",
    "phai", "den", "ve", "nhu", "nay", "roi", "chua", "khong", "mot", "nhung", "cac", "nop"};
constexpr std::array<std::string_view, 10> kPronouns = {"toi", "tui", "em",   "anh", "chi",
                                                        "ong", "ba",  "minh", "ban", "chung"};
// Two-word fillers: both words are filler when they appear together.
constexpr std::array<std::array<std::string_view, 2>, 9> kFillerPairs = {{{"thu", "tuc"},
                                                                          {"ho", "so"},
                                                                          {"the", "nao"},
                                                                          {"bao", "nhieu"},
                                                                          {"bao", "lau"},
                                                                          {"o", "dau"},
                                                                          {"can", "gi"},
                                                                          {"giay", "to"},
                                                                          {"lam", "sao"}}};

} // namespace

void canonicalize_word(std::string& w) {
    if (w.size() < 2 || w.back() != 'y') return;
    const std::string_view head(w.data(), w.size() - 1);
    const bool consonants =
        std::all_of(head.begin(), head.end(), [](char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); });
    if (consonants || head == "qu") w.back() = 'i';
}

std::vector<bool> mark_fillers(const std::vector<std::string>& words) {
    std::vector<bool> filler(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (contains(kFillers, words[i])) filler[i] = true;
        if (i + 1 < words.size()) {
            for (const auto& pair : kFillerPairs) {
                if (words[i] == pair[0] && words[i + 1] == pair[1]) filler[i] = filler[i + 1] = true;
            }
        }
        if (words[i] == "can") {
            const bool after_pronoun = i > 0 && contains(kPronouns, words[i - 1]);
            const bool before_filler =
                i + 1 < words.size() && (contains(kFillers, words[i + 1]) || words[i + 1] == "gi");
            if (after_pronoun || before_filler) filler[i] = true;
        }
    }
    return filler;
}

unsigned bounded_distance(std::string_view a, std::string_view b, unsigned max) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > max) return max + 1;
    if (n > 62 || m > 62) return max + 1; // words are short; refuse pathological input
    // Three rolling rows for the transposition case.
    std::array<unsigned, 64> prev2{}, prev{}, cur{};
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<unsigned>(i);
        unsigned row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max) return max + 1;
        prev2 = prev;
        prev = cur;
    }
    return std::min(prev[m], max + 1);
}

unsigned letter_mask(std::string_view word) {
    unsigned mask = 0;
    for (char c : word) {
        if (c >= 'a' && c <= 'z')
            mask |= 1u << (c - 'a');
        else if (c >= '0' && c <= '9')
            mask |= 1u << 26;
        else
            mask |= 1u << 27;
    }
    return mask;
}

} // namespace kiosk::search::detail
