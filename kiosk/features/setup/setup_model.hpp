#pragma once
// What the set-up screens show. The PIN pad shows how many digits were typed, never the digits. No citizen
// data is ever copied here: the health lines are counters and states, the audit lines are set-up events.
// Filled by the SetupFeature on the UI thread; read by draw code.

#include "kiosk/ui/widgets/keyboard.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

struct SetupModel {
    enum class PinMode { enter, create, confirm };
    PinMode pin_mode = PinMode::enter;
    int pin_digits = 0;          // how many digits are typed
    std::string pin_message_key; // "setup.pin_wrong", "setup.pin_error.too_short", ...
    std::string pin_message_arg;
    bool checking = false;        // a PIN is being checked or hashed on the worker
    long long locked_seconds = 0; // > 0: the pad is locked

    // Any set-up screen: the result of the last action.
    std::string message_key, message_arg;
    bool message_error = false;
    bool can_undo = false;
    bool working = false; // a save, undo or export is running

    // Office (a draft until saved).
    std::string language = "vi";
    int idle_timeout_s = 60;
    std::string orientation = "portrait";
    double scale = 0;
    std::string office_name_vi, office_name_en, subtitle_vi, subtitle_en, kiosk_id, office_id;
    bool draft_changed = false;

    // Health, in words: a label key and its parts; a part that is a known state word ("ok", "defaults",
    // "disabled"...) is shown through "setup.word.<word>", anything else as it is. The problems are staff
    // translation keys with the technical detail.
    struct HealthLine {
        std::string label_key;
        std::vector<std::string> parts;
    };
    std::vector<HealthLine> health_lines;
    std::vector<std::pair<std::string, std::string>> problems;

    std::vector<std::string> audit_lines; // newest last

    // The text editor (one string setting at a time).
    std::string edit_key;  // "office.name_vi"
    std::string edit_text; // as shown: a secret is masked but for its last 4 characters
    bool edit_secret = false;
    KeyboardView edit_keyboard;

    // Network.
    std::string gateway_url;
    std::string token_masked; // "••••••abcd"; empty when no token is set
    bool probing = false;
    struct ProbeLine {
        std::string step;  // dns | tcp | tls | http
        std::string state; // ok | failed | skipped | not_reached
        long ms = -1;
        std::string detail;
    };
    std::vector<ProbeLine> probe;
    long probe_total_ms = -1;
    bool offer_undo = false; // the change just saved failed its own test

    void clear_pin() {
        pin_digits = 0;
        checking = false;
    }
};

} // namespace kiosk::ui
