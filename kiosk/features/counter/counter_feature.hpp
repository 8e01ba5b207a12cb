#pragma once
// The counter console (kiosk --mode counter --set counter.number=N): staff at one counter call the next
// ticket of the services that counter serves, recall it, mark a no-show, transfer it to another service,
// mark it served, and pause. Each button (or its keyboard shortcut: N, R, S, T, D, P, Esc) is one
// CounterDesk transaction on the feature's worker; the result and a fresh board come back through the
// completion queue. Between operations the worker sleeps in a QueueWatcher, so the waiting list follows
// the kiosk and the other counters. Staff identify first with the counter's PIN on a PIN pad (digits by
// touch or keyboard; setup/counter_pin.hpp: Argon2id in a 0600 secrets file, the set-up lock-out); no
// operation runs before that, and "Lock" (L) shows the pad again. It does not speak (the lobby display does).
// Right after "Done" (D) it offers the citizen the kiosk's rating choice for that ticket (the same rating
// store and rules, queue::check_rateable / record_rating); the prompt closes by itself after
// kRatingPromptIdle without a tap, on "Skip", or when staff call the next ticket (N) — it never holds up
// the queue.

#include "kiosk/core/queue/counter_desk.hpp"
#include "kiosk/core/queue/queue_watcher.hpp"
#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/counter/counter_model.hpp"
#include "kiosk/features/feature.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace kiosk::features {

class CounterFeature final : public Feature {
  public:
    explicit CounterFeature(const FeatureContext& context);
    ~CounterFeature() override;

    [[nodiscard]] std::string_view name() const override { return "counter"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override {
        return model_.working || model_.pin_checking || model_.rating.saving ||
               (!model_.loaded && model_.error_key.empty() && model_.counter > 0);
    }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override {}
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;
    [[nodiscard]] std::vector<ui::KeyPress> filter_keys(std::vector<ui::KeyPress> keys) override;

    [[nodiscard]] const ui::CounterModel& model() const { return model_; }

    // How long the rating prompt waits for the citizen's next tap before the console comes back.
    static constexpr std::chrono::seconds kRatingPromptIdle{20};
    static constexpr std::chrono::seconds kRatingThanksShown{3};

  private:
    struct Opened;
    using Operation = std::function<Status(queue::CounterDesk&, queue::TimePoint)>;
    void open();
    void watch();
    void run(Operation op, std::function<void()> then = nullptr);
    void act(int action);
    void apply(const queue::QueueBoard& board);
    [[nodiscard]] std::vector<std::string> my_services() const;
    void load_pin_status();
    void pin_key(char key);
    void submit_pin();
    void lock_console();
    void serve_and_offer_rating();
    void open_rating(const queue::RateableTicket& ticket);
    void rating_command(const ui::FeatureCommand& command);
    void send_rating();
    void close_rating();
    [[nodiscard]] queue::RatingRules rating_rules() const;

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    ui::CounterModel model_;
    std::vector<queue::Service> services_;
    std::int64_t current_id_ = 0;
    std::shared_ptr<Opened> opened_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<std::atomic<std::uint64_t>> live_ = std::make_shared<std::atomic<std::uint64_t>>(0);
    std::string store_error_;
    std::filesystem::path pin_file_;                     // this counter's secrets file
    std::string pin_entry_;                              // digits typed so far (never drawn)
    Clock::time_point pin_locked_until_{};               // while the pad is locked
    Clock::time_point retry_open_at_{};                  // set after a failed open
    std::optional<queue::RateableTicket> rating_ticket_; // the ticket the prompt is for
    Clock::time_point rating_closes_at_{};               // the prompt's deadline (idle or thanks)
    tasks::Workers worker_;                              // operations and board reads, in order
    tasks::Workers watcher_;                             // sleeps in the QueueWatcher, posts "changed"
};

} // namespace kiosk::features
