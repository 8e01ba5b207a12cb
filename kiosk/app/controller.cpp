#include "kiosk/app/controller.hpp"

namespace kiosk::app {

namespace {
i18n::Lang lang_of(const std::string& code) {
    i18n::Lang lang = i18n::Lang::vi;
    (void)i18n::parse_lang(code, lang);
    return lang;
}
} // namespace

Controller::Controller(const config::Config& config, const Clock& clock)
    : config_(&config), clock_(clock), last_activity_(clock.now()) {
    model_.config = config_;
    model_.default_lang = model_.lang = lang_of(config.ui.language);
    model_.clock = clock_view(clock_.now());
}

void Controller::reconfigure(const config::Config& config) {
    config_ = &config;
    model_.config = config_;
    model_.default_lang = model_.lang = lang_of(config.ui.language);
}

void Controller::set_notice(std::string key, std::string detail) {
    model_.notice_key = std::move(key);
    model_.notice_detail = std::move(detail);
}

void Controller::note_activity() {
    last_activity_ = clock_.now();
}

void Controller::go_home_and_forget() {
    model_.reset_citizen_state();
    for (const auto& hook : reset_hooks_)
        hook();
}

void Controller::apply(const std::vector<ui::Command>& commands) {
    for (const auto& command : commands) {
        bool taken = false;
        for (const auto& handler : handlers_)
            taken = taken || handler(command);
        if (taken) continue;
        std::visit(
            [this](const auto& c) {
                using C = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<C, ui::Navigate>) {
                    model_.stack.push_back(c.to);
                    for (const auto& hook : enter_hooks_)
                        hook(c.to);
                } else if constexpr (std::is_same_v<C, ui::GoBack>) {
                    if (model_.stack.size() > 1) model_.stack.pop_back();
                } else if constexpr (std::is_same_v<C, ui::GoHome>) {
                    i18n::Lang keep = model_.lang;
                    go_home_and_forget();
                    model_.lang = keep; // an explicit "home" keeps the chosen language; idle does not
                } else if constexpr (std::is_same_v<C, ui::ToggleLanguage>) {
                    model_.lang = model_.lang == i18n::Lang::vi ? i18n::Lang::en : i18n::Lang::vi;
                }
            },
            command);
    }
}

void Controller::on_keys(const std::vector<KeyPress>& keys) {
    // A physical keyboard types into whatever field the screen has, through the same commands as the
    // on-screen one.
    std::vector<ui::Command> commands;
    for (const auto& key : keys) {
        switch (key.kind) {
        case KeyPress::Kind::text:
            commands.push_back(ui::KeyboardInput{key.text});
            break;
        case KeyPress::Kind::backspace:
            commands.push_back(ui::KeyboardBackspace{});
            break;
        case KeyPress::Kind::enter:
            if (model_.screen() == ui::Screen::dossier_scan) commands.push_back(ui::SubmitDossierCode{});
            break;
        case KeyPress::Kind::escape:
            if (model_.stack.size() > 1) commands.push_back(ui::GoBack{});
            break;
        }
    }
    apply(commands);
}

bool Controller::tick() {
    bool changed = false;
    auto now = clock_.now();
    ui::ClockView view = clock_view(now);
    if (view.minute != model_.clock.minute || view.hour != model_.clock.hour ||
        view.day != model_.clock.day) {
        model_.clock = view;
        changed = true;
    }
    bool away = model_.stack.size() > 1 || model_.lang != model_.default_lang;
    if (away && now - last_activity_ >= std::chrono::seconds(config_->ui.idle_timeout_s)) {
        go_home_and_forget();
        changed = true;
    }
    return changed;
}

Clock::time_point Controller::next_deadline() const {
    using namespace std::chrono;
    auto now = clock_.now();
    auto next_minute = floor<minutes>(now) + minutes(1);
    bool away = model_.stack.size() > 1 || model_.lang != model_.default_lang;
    if (!away) return next_minute;
    auto idle = last_activity_ + seconds(config_->ui.idle_timeout_s);
    return idle < next_minute ? idle : next_minute;
}

} // namespace kiosk::app
