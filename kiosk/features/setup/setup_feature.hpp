#pragma once
// Staff set-up mode. Hidden entry: five taps within 3 s in the top-left corner (size, count and window
// configurable) or Ctrl+Alt+S, then the PIN pad (taps or typed digits + Return). The PIN is checked against
// an Argon2id hash on the feature's worker; five wrong PINs lock the pad (30 s, 2 min, 10 min, 1 h), and the
// lock state is saved after every attempt so it survives a restart. With no PIN set, set-up opens only from
// a keyboard (first boot) or after `kioskctl setup enable-first-run`, and asks for a new PIN first.
// Every set-up screen but the PIN pad requires an open session: reaching one otherwise sends the kiosk
// home. The session ends on Close, on Home and when the shell's idle timeout (setup.idle_close_s for staff
// screens) sends the kiosk home. Changes are validated, saved atomically with a backup and applied live
// through the shell; every entry, failure, lock, save and undo goes to the audit log.
// It never shows citizen data and does not draw anything outside its own screens.

#include "drivers/scanner/hid_wedge_scanner.hpp"
#include "kiosk/core/keyboard/composer.hpp"
#include "kiosk/core/setup/audit_log.hpp"
#include "kiosk/core/setup/corner_gesture.hpp"
#include "kiosk/core/setup/secrets_file.hpp"
#include "kiosk/core/setup/service_editor.hpp"
#include "kiosk/core/setup/setup_paths.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/feature.hpp"
#include "kiosk/features/setup/setup_model.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace kiosk::features {

class CameraPipeline;

class SetupFeature final : public Feature {
  public:
    explicit SetupFeature(const FeatureContext& context);
    ~SetupFeature() override;

    [[nodiscard]] std::string_view name() const override { return "setup"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    bool handle_input(const ui::Command& command) override;
    bool back(std::string_view screen) override;
    void enter(std::string_view screen, bool returning) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override { return !worker_.idle(); }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override;
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;
    [[nodiscard]] std::vector<ui::KeyPress> filter_keys(std::vector<ui::KeyPress> keys) override;
    void leave(std::string_view screen) override;
    // The Scanner screen's camera image while set-up has borrowed the camera; null otherwise.
    // The Health screen's report chart while that screen is open.
    [[nodiscard]] ui::PreviewImage* live_preview() override {
        if (camera_wanted_) return &model_.preview;
        return health_open_ && model_.report_chart.width > 0 ? &model_.report_chart : nullptr;
    }

    [[nodiscard]] const ui::SetupModel& model() const { return model_; }
    [[nodiscard]] bool session_open() const { return session_open_; }
    [[nodiscard]] const setup::SetupPaths& paths() const { return paths_; }

  private:
    void begin_entry(bool from_keyboard);
    void open_pin_pad(bool from_keyboard);
    void pin_key(char key);
    void submit_pin();
    void open_session(const std::string& how);
    void persist_secrets();
    void audit(std::string event, std::string detail = {});
    void refresh_screen(std::string_view screen);
    void load_draft();
    void edit_draft(const std::string& key, const std::string& value);
    void save_draft();
    void save_edits(std::vector<std::string> edits, std::function<void()> then);
    void edit_field(const std::string& key);
    void edit_input(const ui::Command& command);
    void show_edit_text();
    void save_field();
    void test_connection(bool after_change);
    // Printer screen (setup_printer.cpp).
    void refresh_printers();
    void use_printer(const std::string& destination);
    void add_printer_device(const std::string& device_uri);
    void set_paper(int mm);
    void print_test_ticket(bool after_change);
    void reprint_ticket(std::int64_t id);
    // Scanner screen (setup_scanner.cpp).
    void refresh_scanner();
    void scanner_command(const ui::FeatureCommand& command);
    bool scanner_key(const ui::KeyPress& key);
    void take_scan(const std::vector<scanner::WedgeEvent>& events);
    Clock::time_point scanner_tick(Clock::time_point now);
    // Live preview: borrow the camera from its owner (camera_lease.hpp), run a pipeline on the worker.
    void start_preview();
    void open_preview_camera();
    void stop_preview();
    // Services screen (setup_services.cpp).
    void load_services();
    void show_services();
    void service_command(const ui::FeatureCommand& command);
    void edit_service_field(const std::string& field);
    void save_services();
    void undo_last();
    void export_diagnostics();
    // Health screen's office report (setup_health_report.cpp): figures and chart read and drawn on the
    // worker.
    void refresh_report();
    void list_import_files();
    void import_config(const std::string& path);
    void after_config_written(const std::string& event, const std::vector<std::string>& keys, bool restart);
    [[nodiscard]] bool on_setup_screen() const;
    [[nodiscard]] std::filesystem::path config_file() const;

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    const i18n::Translator& translator_;
    Shell& shell_;
    ui::SetupModel model_;
    setup::SetupPaths paths_;
    setup::CornerGesture corner_;
    std::optional<setup::Secrets> secrets_; // loaded on the worker at start; empty until then
    std::string secrets_error_;             // the file exists but cannot be read: set-up stays closed
    bool session_open_ = false;
    bool entry_pending_ = false;   // the secrets file is being read for an entry
    bool unfinished_save_ = false; // a save was interrupted before the kiosk started
    std::string pin_entry_;        // digits typed so far (never drawn, cleared after each check)
    std::string new_pin_;          // create mode: the first entry, waiting for the confirmation
    std::vector<std::string> draft_edits_;
    std::string edit_key_;            // the setting in the text editor
    bool edit_letters_ = false;       // Vietnamese text (composer) or ids/addresses/tokens (as typed)
    std::string edit_value_;          // as typed (ids, addresses, tokens)
    keyboard::VietComposer composer_; // Vietnamese text
    scanner::HidWedgeScanner wedge_;  // "scan now" on the Scanner screen
    std::int64_t scan_until_ms_ = 0;
    setup::ServiceEditor services_; // the Services screen's draft
    // The borrowed camera's pipeline: only touched in worker jobs (one thread, in order) and the destructor.
    struct HeldCamera {
        std::mutex mutex;
        std::shared_ptr<CameraPipeline> pipeline;
    };
    std::shared_ptr<HeldCamera> held_camera_ = std::make_shared<HeldCamera>();
    bool camera_wanted_ = false;          // the Scanner screen is open and asked for the camera
    bool health_open_ = false;            // the Health screen is open (its chart is shown)
    std::uint64_t report_generation_ = 0; // a report read for an earlier visit is dropped
    std::uint64_t camera_generation_ = 0; // frames of an earlier opening are dropped
    tasks::CompletionQueue& completions_;
    tasks::Workers worker_; // one thread: secrets, config file and audit log are written in order
};

} // namespace kiosk::features
