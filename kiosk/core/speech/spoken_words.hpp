#pragma once
// Spoken Vietnamese for what a queue call contains: whole numbers read the way an announcer reads them
// ("15" → "mười lăm", "105" → "một trăm linh năm", "21" → "hai mươi mốt") and letters by their
// Vietnamese names ("B" → "bê"). Each word also carries the name of the recorded clip that says it, so a
// folder of recordings can replace the synthesizer word for word. Pure functions; no audio here.
//
// Clip names (files KEY.wav in the clip folder): so_0 … so_9 (không … chín), so_10 (mười), muoi (mươi),
// mot_sac (mốt), lam (lăm), tu (tư), tram (trăm), linh (linh), nghin (nghìn), letter_a … letter_z and
// letter_dd (Đ), moi_so ("mời số"), den_quay_so ("đến quầy số").

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

struct SpokenWord {
    std::string text; // what to say, UTF-8 NFC ("mười lăm" is two words: "mười", "lăm")
    std::string clip; // recorded clip name for this word ("so_10", "lam")
};

// Vietnamese words for 0 ≤ n < 1,000,000 (larger n: read digit by digit).
[[nodiscard]] std::vector<SpokenWord> vietnamese_number(long n);
// The Vietnamese name of one letter (A-Z, Đ; either case); empty when `letter` is not one.
[[nodiscard]] std::vector<SpokenWord> vietnamese_letter(char32_t letter);

} // namespace kiosk::speech
