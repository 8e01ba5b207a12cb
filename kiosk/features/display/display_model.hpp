#pragma once
// What the lobby display draws: office name and clock, each counter's current ticket (or paused), the last
// calls, the number waiting per service, and the call being announced (highlighted for a few seconds).
// Ticket numbers and counters only: the display never shows a citizen's name (tickets carry none).

#include <string>
#include <vector>

namespace kiosk::ui {

struct DisplayCounterView {
    int counter = 0;
    std::string ticket; // "" = none called
    bool paused = false;
    bool highlight = false;
};

struct DisplayCallView {
    std::string ticket;
    int counter = 0;
    std::string time; // "09:41"
};

struct DisplayServiceView {
    std::string name_vi, name_en;
    int waiting = 0;
};

struct DisplayModel {
    bool loaded = false;
    std::string error_key; // the store cannot be read (i18n key)
    std::string office_vi, office_en;
    std::string clock; // "09:41"
    std::vector<DisplayCounterView> counters;
    std::vector<DisplayCallView> last_calls;
    std::vector<DisplayServiceView> services;
    std::string announce_ticket; // the call highlighted now; "" = none
    int announce_counter = 0;
    bool landscape = true;
};

} // namespace kiosk::ui
