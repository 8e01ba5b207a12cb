#pragma once
// The shell's state, which every screen's frame draws from: the configuration snapshot, the language, the
// navigation stack of screen ids, the clock and a notice bar. Features keep their own models (see
// kiosk/features/*/…_model.hpp); draw code reads both through const references. The app's controller is the
// only writer.

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/ui/commands.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui {

class UiContext;

struct ClockView {
    int year = 2026, month = 1, day = 1, weekday = 0; // weekday 0 = Sunday
    int hour = 0, minute = 0;
};

// The citizen's accessibility choices (all off for the next citizen).
struct AccessModes {
    bool large_text = false;
    bool high_contrast = false;
    bool read_aloud = false;
    [[nodiscard]] bool any() const { return large_text || high_contrast || read_aloud; }
    bool operator==(const AccessModes&) const = default;
};

struct ShellModel {
    std::shared_ptr<const config::Config> config; // the published snapshot
    i18n::Lang lang = i18n::Lang::vi;
    i18n::Lang default_lang = i18n::Lang::vi;
    std::vector<std::string> stack{kHomeScreen};
    ClockView clock;
    AccessModes access;
    bool read_aloud_available = false; // a speech engine exists (the "Đọc to" switch is shown only then)
    std::string notice_key;            // a message bar at the bottom (e.g. "config.fallback"); empty = none
    std::string notice_detail;

    [[nodiscard]] const std::string& screen() const { return stack.back(); }
};

// A screen a feature registered: its title (translation key) and how to draw its content. `draw` reads the
// feature's model and emits commands; it never blocks. A chromeless screen draws the whole window itself
// (the lobby display: no header, navigation row or notice).
struct ScreenSpec {
    std::string id;
    std::string title_key;
    std::function<void(UiContext&)> draw;
    bool staff =
        false; // a staff screen (set-up): closes after setup.idle_close_s instead of ui.idle_timeout_s
    bool chromeless = false; // no title bar (lobby display, counter console); set it by name
};

// A big button on the home screen that opens a feature's first screen.
struct HomeEntry {
    std::string id;        // widget id, e.g. "home-queue"
    std::string title_key; // "home.queue"
    std::string hint_key;  // "home.queue_hint"
    std::string screen;    // where it leads
    int order = 0;         // top to bottom (left to right in landscape)
    bool primary = false;  // the most common task is drawn in the accent colour
};

} // namespace kiosk::ui
