#pragma once
// What the lobby says when a counter calls a ticket: "Mời số A015 đến quầy số 2" in natural spoken
// Vietnamese (letters and numbers as words, with the recorded clips that say the same), then optionally
// "Number A015, please go to counter 2" in English. Also the Utterance type the Speaker queues: a caption,
// an optional chime and phrases in order. Pure composition; it does not synthesize or play anything.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

// One stretch of speech in one language.
struct SpeechPhrase {
    std::string language;           // espeak-ng voice name: "vi", "en"
    std::string text;               // what a synthesizer reads (UTF-8 NFC)
    std::vector<std::string> clips; // recorded clips saying the same, in order; empty: synthesizer only
};

// Everything said for one event, spoken as a whole and never interleaved with another utterance.
struct Utterance {
    std::string caption; // for logs and screens: "Mời số A015 đến quầy số 2"
    bool chime = false;  // a chime first
    std::vector<SpeechPhrase> phrases;
};

struct CallAnnouncement {
    std::string ticket; // as displayed: "A015", "UT-003"
    int counter = 0;
};

// The ticket as spoken words: letters by their Vietnamese names, the digits as one whole number.
[[nodiscard]] SpeechPhrase vietnamese_ticket(std::string_view ticket);
// "Mời số <ticket> đến quầy số <counter>", spoken form with its clip plan.
[[nodiscard]] SpeechPhrase vietnamese_call(const CallAnnouncement& call);
// "Number A 15, please go to counter 2." (synthesizer only).
[[nodiscard]] SpeechPhrase english_call(const CallAnnouncement& call);
// Caption as shown on screens: "Mời số A015 đến quầy số 2".
[[nodiscard]] std::string vietnamese_call_caption(const CallAnnouncement& call);
// Chime, Vietnamese call, then the English call when `with_english`.
[[nodiscard]] Utterance call_utterance(const CallAnnouncement& call, bool with_english, bool chime = true);

// A free text phrase (read aloud), synthesizer only.
[[nodiscard]] Utterance text_utterance(std::string language, std::string text);

} // namespace kiosk::speech
