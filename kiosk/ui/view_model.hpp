#pragma once
// The state the screens draw from. Feature parts (catalog, dossier, queue) are added by their screens'
// models. The app's controller is the only writer; draw code reads it through const references.
// reset_citizen_state() forgets everything a citizen entered or saw (idle timeout, leaving a screen).

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/ui/models/catalog_model.hpp"
#include "kiosk/ui/models/dossier_model.hpp"
#include "kiosk/ui/models/queue_model.hpp"
#include "kiosk/ui/screen.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

struct ClockView {
    int year = 2026, month = 1, day = 1, weekday = 0; // weekday 0 = Sunday
    int hour = 0, minute = 0;
};

struct AppModel {
    const config::Config* config = nullptr;
    i18n::Lang lang = i18n::Lang::vi;
    i18n::Lang default_lang = i18n::Lang::vi;
    std::vector<Screen> stack{Screen::home};
    ClockView clock;
    std::string notice_key; // a message bar at the bottom (e.g. "config.fallback"); empty = none
    std::string notice_detail;
    QueueModel queue;
    CatalogModel catalog;
    DossierModel dossier;

    [[nodiscard]] Screen screen() const { return stack.back(); }
    void reset_citizen_state() {
        stack.assign(1, Screen::home);
        lang = default_lang;
        queue.forget();
        catalog.forget();
        dossier.forget();
    }
};

} // namespace kiosk::ui
