#pragma once
// What the dossier screens show: the code being typed, the lookup in flight, and the result or error. All of
// it is the citizen's and is forgotten on idle and when the citizen leaves the dossier screens. Names are
// masked before they reach this model; full names never do.

#include "kiosk/ui/widgets/preview_image.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct TranslatedMessage {
    std::string key;
    std::vector<std::string> args;
};

struct TimelineStep {
    std::string label_key; // "dossier.timeline.received", ...
    std::string date;      // "27/11/2026" or empty
    bool done = false;
    bool current = false;
};

struct DossierView {
    std::string code;
    std::string procedure_name;
    std::string applicant_masked;
    int status = 0;         // national status 1..10
    std::string status_key; // "dossier.status.4"
    std::string received, appointment;
    TranslatedMessage deadline; // on time / overdue by N days / finished late ...; empty key = none
    bool overdue = false;
    TranslatedMessage next_step;
    std::vector<TimelineStep> timeline;
};

struct DossierModel {
    std::string typed; // the code typed on the keypad
    bool looking_up = false;
    std::string looking_up_code;
    std::string error_key;    // why the code/QR was refused or the lookup failed
    std::string error_detail; // for logs and staff tools, never shown to the citizen
    std::optional<DossierView> result;
    std::string scanner_hint_key;  // camera/scanner status for the scan screen
    std::string scan_feedback_key; // guidance while a code is in view but unread ("hold still"); may be empty
    bool camera_enabled = false;   // a camera is configured (the scan screen shows its preview)
    PreviewImage preview;          // the live camera preview (a moving image, not the citizen's data)

    void forget() {
        typed.clear();
        scan_feedback_key.clear();
        error_key.clear();
        error_detail.clear();
        result.reset();
    }
};

} // namespace kiosk::ui
