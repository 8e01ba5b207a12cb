#pragma once
// The shell: applies commands and typed keys, owns the navigation stack and the idle timeout that sends the
// kiosk home and erases the citizen's data. Navigation commands are its own; a feature's commands go to the
// feature that registered their type, text entry to the feature that owns the screen shown. Every push, pop
// and reset calls the features' leave()/enter(), so they always fire. It never draws and never blocks.
// UI thread only.

#include "kiosk/features/feature.hpp"

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace kiosk::app {

class Controller final : public features::Shell {
  public:
    Controller(runtime::ConfigPtr config, const Clock& clock, const features::UiRegistry& registry,
               log::Logger& log);

    // The features, in registration order (the controller does not own them).
    void set_features(std::vector<features::Feature*> features) { features_ = std::move(features); }

    void apply(const std::vector<ui::Command>& commands);
    void on_keys(const std::vector<ui::KeyPress>& keys);
    // Any touch or key counts as activity.
    void note_activity();
    // Updates the clock and the idle timeout; returns true when the model changed.
    bool tick();
    // When the loop must wake next even without input (the next minute, or the idle deadline).
    [[nodiscard]] Clock::time_point next_deadline() const;

    [[nodiscard]] const ui::ShellModel& model() const { return model_; }
    // How many commands were applied so far (a change means the screen must be redrawn).
    [[nodiscard]] std::uint64_t applied() const { return applied_; }
    void set_notice(std::string key, std::string detail);
    // Whether a speech engine exists: the "Đọc to" switch is shown only then.
    void set_read_aloud_available(bool available) { model_.read_aloud_available = available; }
    void reconfigure(runtime::ConfigPtr config);

    // features::Shell
    [[nodiscard]] std::string_view screen() const override { return model_.screen(); }
    [[nodiscard]] i18n::Lang lang() const override { return model_.lang; }
    void request(ui::Command command) override;
    [[nodiscard]] const runtime::ResolvedConfig* resolved_config() const override;
    std::string reload_configuration() override;
    [[nodiscard]] bool staff_screen() const override;
    [[nodiscard]] health::HealthSnapshot health() const override;
    void restart() override;

    // What staff set-up mode may ask of the app (set by the app; unset ones report "not available").
    struct StaffHooks {
        std::function<const runtime::ResolvedConfig*()> resolved;
        std::function<std::string()> reload;
        std::function<health::HealthSnapshot()> health;
        std::function<void()> restart;
    };
    void set_staff_hooks(StaffHooks hooks) { staff_ = std::move(hooks); }

  private:
    void apply_one(const ui::Command& command);
    void navigate(const std::string& to);
    void back();
    void go_home_and_forget();
    void toggle_access(ui::AccessMode mode);
    void leave_top();
    void enter_top(bool returning);
    [[nodiscard]] int idle_timeout_s() const;

    const Clock& clock_;
    const features::UiRegistry& registry_;
    log::Logger& log_;
    std::vector<features::Feature*> features_;
    ui::ShellModel model_;
    Clock::time_point last_activity_;
    std::deque<ui::Command> pending_;
    bool applying_ = false;
    StaffHooks staff_;
    std::uint64_t applied_ = 0;
};

} // namespace kiosk::app
