#pragma once
// The dossier feature: typed codes (keypad or keyboard), QR payloads from the camera (capture thread →
// DecodeWorker) and from a USB keyboard-wedge scanner (told apart from typing by timing), each validated
// before any lookup; lookups run on its worker against the configured DossierSource (local SQLite or the
// city gateway) and reach the model through the completion queue. A receipt scanned on any screen opens its
// status. Full codes and names never go to logs. It does not change dossiers.

#include "drivers/scanner/hid_wedge_scanner.hpp"
#include "kiosk/core/dossier/dossier_code.hpp"
#include "kiosk/core/dossier/qr_payload.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/dossier/camera_pipeline.hpp"
#include "kiosk/features/dossier/dossier_model.hpp"
#include "kiosk/features/feature.hpp"

#include <memory>
#include <mutex>
#include <optional>

namespace kiosk::features {

class DossierFeature final : public Feature {
  public:
    explicit DossierFeature(const FeatureContext& context);
    ~DossierFeature() override;

    [[nodiscard]] std::string_view name() const override { return "dossier"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    bool handle_input(const ui::Command& command) override;
    void enter(std::string_view screen, bool returning) override;
    void leave(std::string_view screen) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override;
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override;
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;
    [[nodiscard]] std::vector<ui::KeyPress> filter_keys(std::vector<ui::KeyPress> keys) override;
    // None while set-up has the camera (the app has one preview texture; set-up's image is the live one).
    [[nodiscard]] ui::PreviewImage* live_preview() override { return lent_ ? nullptr : &model_.preview; }

    [[nodiscard]] const ui::DossierModel& model() const { return model_; }
    // A payload as if scanned (camera and USB scanner both end here); public for tests.
    void handle_payload(const std::string& payload, const char* via);

  private:
    void open_source();
    void lookup(const dossier::DossierCode& code);
    void submit_typed();
    void start_camera();
    void retire_camera();
    void lend_camera(bool lend);
    [[nodiscard]] tasks::CompletionQueue::Completion camera_stopped(std::string kind, uint64_t generation);
    [[nodiscard]] static std::string redact(const std::string& code);
    [[nodiscard]] std::vector<ui::KeyPress> to_keys(const std::vector<scanner::WedgeEvent>& events);
    [[nodiscard]] bool on_dossier_screen() const;

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    tasks::CompletionQueue& completions_;
    Shell& shell_;
    ui::DossierModel model_;
    dossier::QrPolicy policy_;
    std::shared_ptr<dossier::DossierSource> source_;
    scanner::HidWedgeScanner wedge_;
    health::DossierHealth dossier_health_;
    health::ScannerHealth scanner_health_;
    std::string source_error_;                    // why the dossier source could not be opened
    uint64_t source_generation_ = 0;              // a source opened for an older snapshot is dropped
    uint64_t lookup_generation_ = 0;              // results of a lookup the citizen left behind are dropped
    std::optional<dossier::DossierCode> pending_; // scanned before the source was open
    // The running camera. The slot owns it and is shared with the camera worker's jobs (they fill it, or stop
    // their pipeline themselves when it was replaced or the feature is closing); camera_ is the UI thread's
    // copy.
    struct CameraSlot;
    std::shared_ptr<CameraSlot> camera_slot_;
    std::shared_ptr<CameraPipeline> camera_;
    uint64_t camera_generation_ = 0;
    static constexpr std::int64_t kFeedbackMs =
        1500; // how long "hold still" stays after the last unread sighting
    std::int64_t feedback_until_ms_ = 0;
    bool lent_ = false;            // staff set-up has the camera (camera_lease.hpp)
    bool preview_wanted_ = false;  // the scan screen is open: send preview frames
    tasks::Workers worker_;        // lookups and the dossier source
    tasks::Workers camera_worker_; // opening and stopping cameras (blocking device calls), apart from lookups
};

} // namespace kiosk::features
