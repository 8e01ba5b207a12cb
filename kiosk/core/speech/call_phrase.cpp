#include "kiosk/core/speech/call_phrase.hpp"

#include "kiosk/core/speech/spoken_words.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::speech {

namespace {

void add_words(SpeechPhrase& phrase, const std::vector<SpokenWord>& words) {
    for (const auto& w : words) {
        if (!phrase.text.empty()) phrase.text += ' ';
        phrase.text += w.text;
        phrase.clips.push_back(w.clip);
    }
}

// Splits "UT-003" into its letters ("UT") and its number (3); separators are dropped.
struct TicketParts {
    std::u32string letters;
    std::string digits;
};

TicketParts split_ticket(std::string_view ticket) {
    TicketParts parts;
    std::size_t pos = 0;
    while (pos < ticket.size()) {
        const char32_t cp = text::decode_next(ticket, pos);
        if (cp >= U'0' && cp <= U'9')
            parts.digits += static_cast<char>(cp);
        else if (!vietnamese_letter(cp).empty())
            parts.letters += cp;
    }
    return parts;
}

} // namespace

SpeechPhrase vietnamese_ticket(std::string_view ticket) {
    SpeechPhrase phrase;
    phrase.language = "vi";
    const auto parts = split_ticket(ticket);
    for (char32_t letter : parts.letters)
        add_words(phrase, vietnamese_letter(letter));
    if (!parts.digits.empty()) {
        // Ticket numbers are short (zero-padded to 3 digits); longer runs are read digit by digit.
        if (parts.digits.size() <= 6)
            add_words(phrase, vietnamese_number(std::stol(parts.digits)));
        else
            for (char d : parts.digits)
                add_words(phrase, vietnamese_number(d - '0'));
    }
    return phrase;
}

SpeechPhrase vietnamese_call(const CallAnnouncement& call) {
    SpeechPhrase phrase;
    phrase.language = "vi";
    add_words(phrase, {{"mời số", "moi_so"}});
    const auto ticket = vietnamese_ticket(call.ticket);
    phrase.text += ' ' + ticket.text;
    phrase.clips.insert(phrase.clips.end(), ticket.clips.begin(), ticket.clips.end());
    add_words(phrase, {{"đến quầy số", "den_quay_so"}});
    add_words(phrase, vietnamese_number(call.counter));
    phrase.text[0] = 'M'; // sentence case: "Mời số …"
    return phrase;
}

SpeechPhrase english_call(const CallAnnouncement& call) {
    SpeechPhrase phrase;
    phrase.language = "en";
    const auto parts = split_ticket(call.ticket);
    std::string spoken_letters;
    for (char32_t letter : parts.letters) {
        if (!spoken_letters.empty()) spoken_letters += ' ';
        text::append_utf8(spoken_letters, letter == U'Đ' ? U'D' : letter);
    }
    std::string number = parts.digits;
    while (number.size() > 1 && number.front() == '0')
        number.erase(number.begin());
    phrase.text = "Number " + spoken_letters + (number.empty() ? "" : " " + number) +
                  ", please go to counter " + std::to_string(call.counter) + ".";
    return phrase;
}

std::string vietnamese_call_caption(const CallAnnouncement& call) {
    return "Mời số " + call.ticket + " đến quầy số " + std::to_string(call.counter);
}

Utterance call_utterance(const CallAnnouncement& call, bool with_english, bool chime) {
    Utterance u;
    u.caption = vietnamese_call_caption(call);
    u.chime = chime;
    u.phrases.push_back(vietnamese_call(call));
    if (with_english) u.phrases.push_back(english_call(call));
    return u;
}

Utterance text_utterance(std::string language, std::string text) {
    Utterance u;
    u.caption = text;
    SpeechPhrase phrase;
    phrase.language = std::move(language);
    phrase.text = std::move(text);
    u.phrases.push_back(std::move(phrase));
    return u;
}

} // namespace kiosk::speech
