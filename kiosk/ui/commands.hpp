#pragma once
// What the UI asks for. Draw code never performs actions itself: it emits commands, and the app's controller
// applies them (changing the model or starting background work) after the frame is drawn.

#include "kiosk/ui/screen.hpp"

#include <string>
#include <variant>

namespace kiosk::ui {

struct Navigate {
    Screen to;
};
struct GoBack {};
struct GoHome {};
struct ToggleLanguage {};
struct KeyboardInput {
    std::string text;
}; // keystrokes; the feature composes them (Telex/VNI)
struct KeyboardBackspace {};
struct KeyboardClear {};
struct BrowseLevel {
    int level;
}; // catalog::Level as int; -1 = all
struct BrowseField {
    std::string field_id;
};
struct OpenProcedure {
    std::string code;
};
struct PrintChecklist {
    std::string code;
};
struct SubmitDossierCode {}; // look up the code typed in the dossier field
struct IssueTicket {
    std::string service_code;
    std::string priority;
}; // priority empty = normal
struct PickService {
    std::string service_code;
};
struct SetKeyboardMode {
    int mode;
};

using Command = std::variant<Navigate, GoBack, GoHome, ToggleLanguage, KeyboardInput, KeyboardBackspace,
                             KeyboardClear, BrowseLevel, BrowseField, OpenProcedure, PrintChecklist,
                             SubmitDossierCode, IssueTicket, PickService, SetKeyboardMode>;

} // namespace kiosk::ui
