#include "kiosk/core/speech/screen_reading.hpp"

#include <algorithm>

namespace kiosk::speech {

namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\n") == std::string_view::npos;
}

} // namespace

bool looks_like_ticket(std::string_view text) {
    std::size_t i = 0, letters = 0;
    while (i < text.size() && is_upper(text[i]) && letters < 4)
        ++i, ++letters;
    if (letters == 0 || letters > 3) return false;
    if (i < text.size() && text[i] == '-') {
        ++i;
        std::size_t second = 0;
        while (i < text.size() && is_upper(text[i]))
            ++i, ++second;
        if (second == 0 || second > 3) return false;
    }
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i]))
        ++i, ++digits;
    return digits >= 1 && digits <= 4 && i == text.size();
}

std::vector<std::string> tickets_in(const ScreenText& screen) {
    std::vector<std::string> out;
    for (const auto& text : screen.texts)
        if (looks_like_ticket(text) && std::find(out.begin(), out.end(), text) == out.end())
            out.push_back(text);
    return out;
}

Utterance screen_utterance(const ScreenText& screen, std::size_t max_chars) {
    Utterance u;
    auto add = [&](std::string text) {
        if (blank(text)) return;
        if (!u.caption.empty()) u.caption += " · ";
        u.caption += text;
        SpeechPhrase phrase;
        phrase.language = screen.language;
        phrase.text = std::move(text);
        u.phrases.push_back(std::move(phrase));
    };
    add(screen.title);
    // Main text: one phrase, repeats (a label drawn twice) dropped, cut at a text boundary.
    std::string body;
    std::vector<std::string_view> seen;
    for (const auto& text : screen.texts) {
        if (blank(text) || looks_like_ticket(text) || text == screen.title) continue;
        if (std::find(seen.begin(), seen.end(), std::string_view(text)) != seen.end()) continue;
        if (!body.empty() && body.size() + text.size() + 2 > max_chars) break;
        seen.push_back(text);
        // Texts become sentences: a full stop between them unless the previous one already ends a sentence.
        if (!body.empty())
            body += std::string_view(".!?…:").find(body.back()) == std::string_view::npos ? ". " : " ";
        body += text;
    }
    add(body);
    // Ticket numbers as the announcer says them, in Vietnamese whatever the UI language.
    for (const auto& ticket : tickets_in(screen)) {
        SpeechPhrase spoken = vietnamese_ticket(ticket);
        if (spoken.text.empty()) continue;
        u.caption += (u.caption.empty() ? "" : " · ") + ticket;
        u.phrases.push_back(std::move(spoken));
    }
    return u;
}

std::optional<Utterance> ReadAloudPolicy::next(const ScreenText& screen, bool enabled) {
    if (!enabled) {
        was_enabled_ = false;
        last_screen_.clear();
        last_language_.clear();
        last_tickets_.clear();
        return std::nullopt;
    }
    auto tickets = tickets_in(screen);
    bool changed = !was_enabled_ || screen.screen != last_screen_ || screen.language != last_language_ ||
                   tickets != last_tickets_;
    was_enabled_ = true;
    last_screen_ = screen.screen;
    last_language_ = screen.language;
    last_tickets_ = std::move(tickets);
    if (!changed) return std::nullopt;
    Utterance u = screen_utterance(screen);
    if (u.phrases.empty()) return std::nullopt;
    return u;
}

} // namespace kiosk::speech
