#pragma once
// The dossier screens' behaviour: typed codes (keypad or keyboard), QR payloads from the camera (capture
// thread → DecodeWorker) and from a USB keyboard-wedge scanner (told apart from typing by timing), each
// validated before any lookup; lookups run on a worker against the configured DossierSource (local SQLite or
// the city gateway) and their results reach the model through the completion queue. A receipt scanned on any
// screen opens its status. Full codes and names never go to logs.

#include "kiosk/app/clock.hpp"
#include "kiosk/app/input_translator.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/core/dossier/qr_payload.hpp"
#include "kiosk/core/health/health.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/view_model.hpp"

#include "drivers/scanner/hid_wedge_scanner.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

namespace kiosk::scanner {
class DecodeWorker;
class FrameSource;
struct Frame;
} // namespace kiosk::scanner

namespace kiosk::app {

class DossierFeature {
  public:
    DossierFeature(const config::Config& config, const Clock& clock, tasks::CompletionQueue& completions,
                   ui::AppModel& model, std::filesystem::path assets_dir, std::filesystem::path state_dir);
    ~DossierFeature();

    void start();
    bool handle(const ui::Command& command);
    // Keys from the keyboard: a scanner's burst becomes a scan; the rest is returned as ordinary typing.
    [[nodiscard]] std::vector<KeyPress> filter_keys(const std::vector<KeyPress>& keys);
    // Releases keys the wedge detector held back once their burst timed out; returns them.
    [[nodiscard]] std::vector<KeyPress> tick();
    // When tick() must run next (ms since SDL start), if keys are held.
    [[nodiscard]] std::optional<int64_t> deadline_ms() const { return wedge_.deadline_ms(); }
    void on_enter(ui::Screen screen);
    // The screen shown now (called every loop iteration): the camera preview runs only on the scan screen.
    void on_screen(ui::Screen screen);
    // Background work running, or keystrokes held back while the scanner detector decides.
    [[nodiscard]] bool busy() const;
    // Fills the dossier and scanner sections of a health snapshot.
    void report(health::HealthSnapshot& snapshot) const;

  private:
    void handle_payload(const std::string& payload, const char* via);
    void lookup(const dossier::DossierCode& code);
    void start_camera();
    void stop_camera();
    void post_preview(const scanner::Frame& frame);
    [[nodiscard]] static std::string redact(const std::string& code);
    [[nodiscard]] std::vector<KeyPress> to_keys(const std::vector<scanner::WedgeEvent>& events);

    const config::Config& config_;
    const Clock& clock_;
    tasks::CompletionQueue& completions_;
    ui::AppModel& model_;
    std::filesystem::path assets_dir_, state_dir_;
    dossier::QrPolicy policy_;
    std::shared_ptr<dossier::DossierSource> source_;
    scanner::HidWedgeScanner wedge_;
    health::DossierHealth dossier_health_;
    health::ScannerHealth scanner_health_;
    std::string source_error_;                    // why the dossier source could not be opened
    uint64_t lookup_generation_ = 0;              // results of a lookup the citizen left behind are dropped
    std::optional<dossier::DossierCode> pending_; // scanned before the source was open
    std::unique_ptr<scanner::DecodeWorker> decoder_;
    std::unique_ptr<scanner::FrameSource> camera_;
    std::thread capture_;
    std::atomic<bool> capturing_{false};
    std::atomic<bool> preview_wanted_{false}; // the scan screen is open: send preview frames
    tasks::Workers worker_;
};

} // namespace kiosk::app
