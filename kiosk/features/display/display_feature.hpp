#pragma once
// The lobby display (kiosk --mode display): a board of every counter's current ticket, the last calls and
// the number waiting per service, kept fresh by a QueueWatcher (PostgreSQL LISTEN/NOTIFY, SQLite
// data_version) on its worker: the worker sleeps in the watcher until the queue changes, reads the board
// and hands it to the UI thread, so an idle display draws nothing but its clock once a minute. A new call
// is highlighted for a few seconds and spoken (chime, Vietnamese, then English if configured) through the
// Speaker queue, so calls never overlap. It shows ticket numbers only, never a citizen's name.

#include "drivers/audio/speaker.hpp"
#include "kiosk/core/queue/counter_desk.hpp"
#include "kiosk/core/queue/queue_watcher.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/display/display_model.hpp"
#include "kiosk/features/feature.hpp"

#include <atomic>
#include <memory>

namespace kiosk::features {

inline constexpr const char* kDisplayScreen = "display";

class DisplayFeature final : public Feature {
  public:
    // `speaker`: null = built from the configuration (speech.*); tests pass a FakeSpeaker.
    explicit DisplayFeature(const FeatureContext& context, std::shared_ptr<audio::Speaker> speaker = nullptr);
    ~DisplayFeature() override;

    [[nodiscard]] std::string_view name() const override { return "display"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand&) override {}
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override { return !model_.loaded && model_.error_key.empty(); }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override {}
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;

    [[nodiscard]] const ui::DisplayModel& model() const { return model_; }

  private:
    struct Opened;
    void open();
    void watch(bool read_now);
    void apply(const queue::QueueBoard& board);

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    std::shared_ptr<audio::Speaker> speaker_;
    ui::DisplayModel model_;
    std::vector<queue::Service> services_;
    std::shared_ptr<Opened> opened_;
    std::uint64_t generation_ = 0;
    // The generation the worker's watch job may keep serving; 0 after destruction began.
    std::shared_ptr<std::atomic<std::uint64_t>> live_ = std::make_shared<std::atomic<std::uint64_t>>(0);
    std::int64_t last_call_id_ = -1; // -1: nothing read yet (calls before start are not announced)
    Clock::time_point highlight_until_{};
    std::string store_error_;
    Clock::time_point retry_open_at_{}; // set after a failed open
    tasks::Workers worker_;             // one thread: waits in the watcher, reads the board
};

} // namespace kiosk::features
