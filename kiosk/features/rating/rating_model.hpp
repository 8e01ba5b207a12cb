#pragma once
// What the rating screens show: the ticket code being typed, the check in flight, the ticket found (number,
// service names, counter), the level and reasons chosen, and the outcome. Nothing here identifies a person;
// it is still forgotten on idle and when the citizen leaves the rating screens.

#include <optional>
#include <string>

namespace kiosk::ui {

struct RatingModel {
    std::string typed;     // "B001K7Q2MX" typed on the keypad
    bool checking = false; // the ticket is being looked up
    bool saving = false;   // the rating is being recorded
    std::string error_key; // why the code or the rating was refused
    bool found = false;    // a rateable ticket is shown
    std::string display;   // "B001"
    std::string service_vi, service_en;
    std::optional<int> counter;
    int level = 0;        // chosen level (queue::RatingLevel), 0 = none yet
    unsigned reasons = 0; // chosen reasons (queue::RatingReason bits)
    bool thanked = false; // recorded: the thank-you is shown

    void forget() { *this = RatingModel{}; }
};

} // namespace kiosk::ui
