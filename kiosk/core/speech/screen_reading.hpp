#pragma once
// Read aloud ("Đọc to"): what to say for the screen a citizen is looking at: its title, then its main text
// (the words drawn below the navigation row, in reading order, repeats dropped, at most a few hundred
// characters so the voice does not go on for minutes), and any queue ticket number spelled out the way the
// lobby announcer says it ("A015" → "a, mười lăm"). ReadAloudPolicy decides when to speak: when read aloud is
// switched on, when the screen or language changes, and when a new ticket number appears; not on every
// keystroke. Pure logic on strings; the Speaker (drivers/audio) does the talking.

#include "kiosk/core/speech/call_phrase.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

struct ScreenText {
    std::string screen;             // screen id ("home", "queue.ticket")
    std::string language;           // espeak-ng voice of the UI language: "vi" or "en"
    std::string title;              // the screen's title
    std::vector<std::string> texts; // main text in drawing order (chrome excluded)
};

// A queue ticket number as displayed: "A015", "UT-B003" (1–3 capitals, an optional "-" and capital, digits).
[[nodiscard]] bool looks_like_ticket(std::string_view text);

// The ticket numbers among the screen's texts, in order.
[[nodiscard]] std::vector<std::string> tickets_in(const ScreenText& screen);

// Title, main text (at most `max_chars` bytes of it, cut at a text boundary) and each ticket number spelled
// out in Vietnamese words. Empty phrases are left out.
[[nodiscard]] Utterance screen_utterance(const ScreenText& screen, std::size_t max_chars = 480);

class ReadAloudPolicy {
  public:
    // The utterance to say now for this frame's screen, or nothing. `enabled` false forgets the last reading,
    // so switching read aloud on again reads the screen again.
    [[nodiscard]] std::optional<Utterance> next(const ScreenText& screen, bool enabled);

  private:
    bool was_enabled_ = false;
    std::string last_screen_, last_language_;
    std::vector<std::string> last_tickets_;
};

} // namespace kiosk::speech
