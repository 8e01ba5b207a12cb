#include "kiosk/app/controller.hpp"

#include "kiosk/app/clock.hpp"

namespace kiosk::app {

namespace {
i18n::Lang lang_of(const std::string& code) {
    i18n::Lang lang = i18n::Lang::vi;
    (void)i18n::parse_lang(code, lang);
    return lang;
}
} // namespace

Controller::Controller(runtime::ConfigPtr config, const Clock& clock, const features::UiRegistry& registry,
                       log::Logger& log)
    : clock_(clock), registry_(registry), log_(log), last_activity_(clock.now()) {
    model_.default_lang = model_.lang = lang_of(config->ui.language);
    model_.config = std::move(config);
    model_.clock = clock_view(clock_.now());
}

void Controller::reconfigure(runtime::ConfigPtr config) {
    auto lang = lang_of(config->ui.language);
    // The citizen's own choice of language stays until they leave; the default follows the configuration.
    if (model_.lang == model_.default_lang) model_.lang = lang;
    model_.default_lang = lang;
    model_.config = std::move(config);
}

void Controller::set_notice(std::string key, std::string detail) {
    model_.notice_key = std::move(key);
    model_.notice_detail = std::move(detail);
}

void Controller::note_activity() {
    last_activity_ = clock_.now();
}

void Controller::leave_top() {
    if (auto* owner = registry_.owner_of_screen(model_.screen())) owner->leave(model_.screen());
}

void Controller::enter_top(bool returning) {
    if (auto* owner = registry_.owner_of_screen(model_.screen())) owner->enter(model_.screen(), returning);
}

void Controller::navigate(const std::string& to) {
    if (to == ui::kHomeScreen) return go_home_and_forget();
    if (!registry_.screen(to)) {
        log_.error("ui.unknown_screen", "navigation to a screen nobody registered", {{"KIOSK_SCREEN", to}});
        return;
    }
    if (to == model_.screen()) return;
    leave_top();
    model_.stack.push_back(to);
    enter_top(false);
}

void Controller::back() {
    if (auto* owner = registry_.owner_of_screen(model_.screen()); owner && owner->back(model_.screen()))
        return;
    if (model_.stack.size() <= 1) return;
    leave_top();
    model_.stack.pop_back();
    enter_top(true);
}

void Controller::go_home_and_forget() {
    leave_top();
    model_.stack.assign(1, ui::kHomeScreen);
    model_.lang = model_.default_lang;
    model_.access = {};
    for (auto* feature : features_)
        feature->forget();
}

void Controller::toggle_access(ui::AccessMode mode) {
    switch (mode) {
    case ui::AccessMode::large_text:
        model_.access.large_text = !model_.access.large_text;
        break;
    case ui::AccessMode::high_contrast:
        model_.access.high_contrast = !model_.access.high_contrast;
        break;
    case ui::AccessMode::read_aloud:
        model_.access.read_aloud = model_.read_aloud_available && !model_.access.read_aloud;
        break;
    }
}

void Controller::request(ui::Command command) {
    pending_.push_back(std::move(command));
    if (applying_) return; // applied after the command being handled, in order
    applying_ = true;
    // Bounded: a feature that keeps requesting cannot hang the UI thread.
    for (int i = 0; i < 256 && !pending_.empty(); ++i) {
        ui::Command next = std::move(pending_.front());
        pending_.pop_front();
        apply_one(next);
        ++applied_;
    }
    pending_.clear();
    applying_ = false;
}

void Controller::apply(const std::vector<ui::Command>& commands) {
    for (const auto& command : commands)
        request(command);
}

void Controller::apply_one(const ui::Command& command) {
    std::visit(
        [this](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, ui::Navigate>) {
                navigate(c.to);
            } else if constexpr (std::is_same_v<C, ui::GoBack>) {
                back();
            } else if constexpr (std::is_same_v<C, ui::GoHome>) {
                i18n::Lang keep = model_.lang;
                ui::AccessModes keep_access = model_.access;
                go_home_and_forget();
                // An explicit "home" keeps the chosen language and accessibility; idle does not.
                model_.lang = keep;
                model_.access = keep_access;
            } else if constexpr (std::is_same_v<C, ui::ToggleAccess>) {
                toggle_access(c.mode);
            } else if constexpr (std::is_same_v<C, ui::ToggleLanguage>) {
                model_.lang = model_.lang == i18n::Lang::vi ? i18n::Lang::en : i18n::Lang::vi;
            } else if constexpr (std::is_same_v<C, ui::FeatureCommand>) {
                if (auto* owner = registry_.owner_of_command(c.type()))
                    owner->handle(c);
                else
                    log_.error("ui.unhandled_command", "a command of an unregistered type was dropped",
                               {{"KIOSK_COMMAND_TYPE", c.type().name()}});
            } else {
                // Text entry belongs to the screen shown.
                if (auto* owner = registry_.owner_of_screen(model_.screen())) (void)owner->handle_input(c);
            }
        },
        command);
}

void Controller::on_keys(const std::vector<ui::KeyPress>& keys) {
    // A physical keyboard types into whatever field the screen has, through the same commands as the
    // on-screen one.
    std::vector<ui::Command> commands;
    for (const auto& key : keys) {
        switch (key.kind) {
        case ui::KeyPress::Kind::text:
            commands.push_back(ui::KeyboardInput{key.text});
            break;
        case ui::KeyPress::Kind::backspace:
            commands.push_back(ui::KeyboardBackspace{});
            break;
        case ui::KeyPress::Kind::enter:
            commands.push_back(ui::KeyboardEnter{});
            break;
        case ui::KeyPress::Kind::escape:
            if (model_.stack.size() > 1) commands.push_back(ui::GoBack{});
            break;
        case ui::KeyPress::Kind::pointer_down:
        case ui::KeyPress::Kind::setup_shortcut:
            break; // for features' filter_keys (hidden gestures); not typing
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
    bool away = model_.stack.size() > 1 || model_.lang != model_.default_lang || model_.access.any();
    if (away && now - last_activity_ >= std::chrono::seconds(idle_timeout_s())) {
        go_home_and_forget();
        changed = true;
    }
    return changed;
}

bool Controller::staff_screen() const {
    const auto* spec = registry_.screen(model_.screen());
    return spec && spec->staff;
}

int Controller::idle_timeout_s() const {
    // Staff screens (set-up) stay longer than a citizen's; idle still closes them.
    const auto* spec = registry_.screen(model_.screen());
    return spec && spec->staff ? model_.config->setup.idle_close_s : model_.config->ui.idle_timeout_s;
}

std::string Controller::reload_configuration() {
    return staff_.reload ? staff_.reload() : "not available";
}

health::HealthSnapshot Controller::health() const {
    return staff_.health ? staff_.health() : health::HealthSnapshot{};
}

const runtime::ResolvedConfig* Controller::resolved_config() const {
    return staff_.resolved ? staff_.resolved() : nullptr;
}

void Controller::restart() {
    if (staff_.restart) staff_.restart();
}

Clock::time_point Controller::next_deadline() const {
    using namespace std::chrono;
    auto now = clock_.now();
    auto next_minute = floor<minutes>(now) + minutes(1);
    bool away = model_.stack.size() > 1 || model_.lang != model_.default_lang || model_.access.any();
    if (!away) return next_minute;
    auto idle = last_activity_ + seconds(idle_timeout_s());
    return idle < next_minute ? idle : next_minute;
}

} // namespace kiosk::app
