#pragma once
// Feature: one citizen- or staff-facing capability (procedures, dossier lookup, queue tickets, and next
// set-up, counter, display). A feature owns its model, its screens and its commands; the app only loops over
// the registered features. Adding a feature is new files plus one line in kiosk/app/feature_list.cpp.
//
// What a feature receives (FeatureContext) are interfaces: the configuration snapshot, a PartsFactory
// (stores, sources, printer, camera), a clock, translations, the completion queue, the Shell it asks to
// navigate and the Logger for its diagnostics. It never sees SDL, GL or a concrete driver, so it can be
// unit-tested without a window.
//
// Thread rules: every virtual below is called on the UI thread and must not block. Slow work runs on the
// feature's own workers and comes back through the completion queue. Navigation goes only through
// Shell::request(), so enter()/leave() always fire.

#include "kiosk/core/health/health.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/log/log.hpp"
#include "kiosk/core/tasks/completion_queue.hpp"
#include "kiosk/core/util/clock.hpp"
#include "kiosk/runtime/config_snapshot.hpp"
#include "kiosk/runtime/parts_factory.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/key_press.hpp"
#include "kiosk/ui/view_model.hpp"
#include "kiosk/ui/widgets/preview_image.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::features {

using runtime::ConfigPtr;
using PartsPtr = std::shared_ptr<const runtime::PartsFactory>;

// What a feature may ask of the app's shell.
class Shell {
  public:
    virtual ~Shell() = default;
    [[nodiscard]] virtual std::string_view screen() const = 0; // the screen on top of the stack
    [[nodiscard]] virtual i18n::Lang lang() const = 0;         // the citizen's language now
    // Applies a command (Navigate, GoBack, ...) after the one being handled, in order.
    virtual void request(ui::Command command) = 0;

    // For staff set-up mode; the defaults say "not available" (a shell without a configuration file).
    // Where the running configuration came from (file, state folder, fallback, problems); null: unknown.
    [[nodiscard]] virtual const runtime::ResolvedConfig* resolved_config() const { return nullptr; }
    // Re-reads the configuration file (after set-up saved it) and publishes it like a live `set`; returns
    // what went wrong, empty when the new snapshot is in use.
    virtual std::string reload_configuration() { return "not available"; }
    // The health snapshot /status serves now.
    [[nodiscard]] virtual health::HealthSnapshot health() const { return {}; }
    // Ends the kiosk so that its service manager starts it again.
    virtual void restart() {}
    // A staff (set-up) screen is on top: citizen actions such as a scanned receipt must not take over.
    [[nodiscard]] virtual bool staff_screen() const { return false; }
};

struct FeatureContext {
    ConfigPtr config; // the snapshot at start; later ones arrive through Feature::reconfigure
    PartsPtr parts;
    const Clock& clock;
    const i18n::Translator& translator;
    tasks::CompletionQueue& completions;
    Shell& shell;
    // Where the feature's diagnostics go (levels, event codes, KIOSK_* fields; thread-safe, so workers log
    // too). Pass only what a maintainer needs: never a citizen's name, a full dossier code or a token.
    log::Logger& log;
};

class Feature;

// Where features register what they bring. Owned by the app; read by the controller and draw code.
class UiRegistry {
  public:
    void add_screen(Feature& owner, ui::ScreenSpec spec);
    void add_home_entry(ui::HomeEntry entry);
    // Commands of type T are handled by `owner`.
    template <class T> void add_command(Feature& owner) {
        add_command_type(std::type_index(typeid(T)), owner);
    }

    [[nodiscard]] const ui::ScreenSpec* screen(std::string_view id) const;
    [[nodiscard]] Feature* owner_of_screen(std::string_view id) const;
    [[nodiscard]] Feature* owner_of_command(std::type_index type) const;
    [[nodiscard]] const std::vector<ui::HomeEntry>& home_entries() const { return home_; }
    // Registration mistakes (a screen id or command type registered twice; the first owner stays), for the
    // app to log once the features are registered.
    [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }

  private:
    void add_command_type(std::type_index type, Feature& owner);
    std::vector<std::string> problems_;
    struct Registered {
        ui::ScreenSpec spec;
        Feature* owner;
    };
    std::vector<Registered> screens_;
    std::vector<ui::HomeEntry> home_;
    std::vector<std::pair<std::type_index, Feature*>> commands_;
};

class Feature {
  public:
    virtual ~Feature() = default;

    [[nodiscard]] virtual std::string_view name() const = 0;
    // Screens, home entries and command types; called once, before start().
    virtual void register_ui(UiRegistry& registry) = 0;
    // Starts background work (opening stores on workers); returns at once.
    virtual void start() = 0;
    // A command of a type this feature registered.
    virtual void handle(const ui::FeatureCommand& command) = 0;
    // Text entry (KeyboardInput/Backspace/Clear/Enter, SetKeyboardMode) while one of its screens is shown;
    // true when taken.
    virtual bool handle_input(const ui::Command& command) {
        (void)command;
        return false;
    }
    // Back on one of its screens: true when the feature stepped back inside the screen itself (the screen
    // stays).
    virtual bool back(std::string_view screen) {
        (void)screen;
        return false;
    }
    // One of its screens came on top: pushed (returning=false) or uncovered by Back (returning=true).
    virtual void enter(std::string_view screen, bool returning) { (void)screen, (void)returning; }
    // One of its screens stopped being on top (covered, popped, or the kiosk went home).
    virtual void leave(std::string_view screen) { (void)screen; }
    // Periodic work; returns when it wants the next tick (time_point::max(): only when something happens).
    virtual Clock::time_point tick(Clock::time_point now) {
        (void)now;
        return Clock::time_point::max();
    }
    // Background work in flight (scripts wait for it before reading the screen).
    [[nodiscard]] virtual bool busy() const = 0;
    // Fills its sections of the health snapshot.
    virtual void report(health::HealthSnapshot& snapshot) const = 0;
    // Forgets everything a citizen entered or saw (idle timeout, Home).
    virtual void forget() = 0;
    // A new configuration snapshot was published. `parts` is built from it; `changed` names the parts whose
    // settings differ (reopen those, on a worker). Work already running keeps the snapshot it started with.
    virtual void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) = 0;
    // Physical keys before they become typing (a USB scanner's burst becomes a scan); returns what is left.
    [[nodiscard]] virtual std::vector<ui::KeyPress> filter_keys(std::vector<ui::KeyPress> keys) {
        return keys;
    }
    // A live camera image to show; null when none.
    [[nodiscard]] virtual ui::PreviewImage* live_preview() { return nullptr; }
};

} // namespace kiosk::features
