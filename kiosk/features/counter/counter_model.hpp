#pragma once
// What the counter console draws: this counter, its current ticket, the waiting tickets of the services it
// serves (with how long each has waited), its own served count and average service time today, whether it
// is paused, an operation in flight, the last error, and the transfer picker. Until staff typed the
// counter's PIN it shows the PIN pad instead (how many digits were typed, never the digits). Right after a
// ticket is marked served it shows the rating prompt for the citizen instead of the console.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

struct CounterWaitingView {
    std::string ticket; // "A015"
    int waited_min = 0; // minutes since it was issued
    bool priority = false;
};

struct CounterServiceView {
    std::string code, name_vi, name_en;
    std::vector<CounterWaitingView> waiting; // call order
};

// The rating prompt shown right after staff marked the current ticket served (nothing personal: the
// ticket number, its service and the choice being made).
struct CounterRatingView {
    bool open = false;
    std::string ticket; // "A015"
    std::string service_vi, service_en;
    int level = 0;        // chosen queue::RatingLevel, 0 = none yet
    unsigned reasons = 0; // chosen queue::RatingReason bits
    bool saving = false;  // being recorded on the worker
    bool thanked = false; // recorded: the thank-you shows briefly, then the console comes back
    std::string error_key;
    int seconds_left = 0; // until the prompt closes by itself
};

struct CounterModel {
    int counter = 0;
    bool loaded = false;
    std::string error_key; // i18n key; "" = none
    std::string current;   // ticket called here now; "" = none
    std::string current_service_vi, current_service_en;
    bool paused = false;
    bool working = false; // an operation is in flight (buttons disabled)
    bool picking_transfer = false;
    int served_today = 0;
    int average_service_min = -1; // -1: none served yet
    std::string clock;
    std::vector<CounterServiceView> services;         // this counter's services
    std::vector<CounterServiceView> transfer_targets; // other services (names only)

    // The PIN pad in front of the console.
    bool unlocked = false;               // the counter's PIN was accepted
    bool pin_missing = false;            // no PIN set for this counter (kioskctl counter set-pin N)
    bool pin_checking = false;           // a PIN is being checked on the worker (Argon2id)
    int pin_digits = 0;                  // how many digits are typed
    std::int64_t pin_locked_seconds = 0; // > 0: too many wrong PINs, the pad is locked this long
    std::string pin_message_key;         // "counter.pin_wrong", ...; "" = none

    CounterRatingView rating; // over the console while open
};

} // namespace kiosk::ui
