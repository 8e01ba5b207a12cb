#pragma once
// What the counter console asks for (buttons and keyboard shortcuts). Routed to the CounterFeature.

#include <string>

namespace kiosk::features::counter_ui {

inline constexpr const char* kCounterScreen = "counter";

enum class Action { call_next, recall, skip, serve, pause, resume, open_transfer, close_transfer, lock };
struct CounterAction {
    Action action;
};
struct TransferTo {
    std::string service;
};
// A key of the PIN pad: a digit, 'B' (erase one), 'C' (erase all) or 'E' (confirm).
struct PinKey {
    char key;
};

// The rating prompt offered to the citizen right after "Done" (served): a level, a reason for "not
// satisfied", send, or skip (back to the console).
struct RatingPick {
    int level; // queue::RatingLevel
};
struct RatingToggle {
    unsigned bit; // queue::RatingReason
};
struct RatingSend {};
struct RatingSkip {};

} // namespace kiosk::features::counter_ui
