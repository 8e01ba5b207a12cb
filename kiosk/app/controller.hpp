#pragma once
// Applies UI commands and typed keys to the view model, and owns the idle timeout that sends the kiosk home
// and erases the citizen's data. Slow work belongs to the features (their own workers); results come back
// through the completion queue. It never draws and never blocks.

#include "kiosk/app/clock.hpp"
#include "kiosk/app/input_translator.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/view_model.hpp"

#include <chrono>
#include <functional>
#include <vector>

namespace kiosk::app {

class Controller {
  public:
    Controller(const config::Config& config, const Clock& clock);

    using CommandHandler = std::function<bool(const ui::Command&)>;
    using EnterHook = std::function<void(ui::Screen)>;
    // Feature handlers see every command first; returning true consumes it.
    void add_handler(CommandHandler handler) { handlers_.push_back(std::move(handler)); }
    // Called after a screen was entered by navigation.
    void add_enter_hook(EnterHook hook) { enter_hooks_.push_back(std::move(hook)); }
    // Called when the kiosk goes home and forgets the citizen (idle timeout, Home).
    void add_reset_hook(std::function<void()> hook) { reset_hooks_.push_back(std::move(hook)); }

    void apply(const std::vector<ui::Command>& commands);
    void on_keys(const std::vector<KeyPress>& keys);
    // Any touch or key counts as activity.
    void note_activity();
    // Updates the clock and the idle timeout; returns true when the model changed.
    bool tick();
    // When the loop must wake next even without input (the next minute, or the idle deadline).
    [[nodiscard]] Clock::time_point next_deadline() const;

    [[nodiscard]] const ui::AppModel& model() const { return model_; }
    ui::AppModel& model() { return model_; }
    void set_notice(std::string key, std::string detail);
    void reconfigure(const config::Config& config);

  private:
    void go_home_and_forget();

    const config::Config* config_;
    const Clock& clock_;
    ui::AppModel model_;
    Clock::time_point last_activity_;
    std::vector<CommandHandler> handlers_;
    std::vector<EnterHook> enter_hooks_;
    std::vector<std::function<void()>> reset_hooks_;
};

} // namespace kiosk::app
