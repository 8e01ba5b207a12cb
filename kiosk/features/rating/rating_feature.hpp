#pragma once
// The rating feature: "Rate our service" on the home screen. The citizen scans the QR code of a served queue
// ticket (the camera and USB scanner belong to the dossier feature, which hands ticket payloads over as
// rating_ui::TicketCodeScanned) or types the number and check code printed under it; the feature checks the
// claim against the ticket store on its worker (queue::find_rateable: office, day, check value, served, not
// rated yet), shows the service and counter, and records one rating (level, reasons for "not satisfied")
// with nothing personal. Every tenth of a minute (once a minute) it counts the day's tickets and ratings for
// /metrics. It does not serve tickets or read images.

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/feature.hpp"
#include "kiosk/features/rating/rating_model.hpp"

#include <memory>

namespace kiosk::features {

class RatingFeature final : public Feature {
  public:
    explicit RatingFeature(const FeatureContext& context);
    ~RatingFeature() override;

    [[nodiscard]] std::string_view name() const override { return "rating"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    bool handle_input(const ui::Command& command) override;
    void leave(std::string_view screen) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override { return !worker_.idle(); }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override;
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;

    [[nodiscard]] const ui::RatingModel& model() const { return model_; }

  private:
    struct Stores;
    void open_stores();
    void scanned(const std::string& payload);
    void submit_typed();
    void check(const queue::TicketQr& claim, bool typed);
    void send();
    void count_today();
    [[nodiscard]] queue::RatingRules rules() const;
    [[nodiscard]] bool on_rating_screen() const;

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    Shell& shell_;
    ui::RatingModel model_;
    std::vector<queue::Service> services_;
    std::shared_ptr<Stores> stores_; // set once opened; shared with worker jobs
    std::string store_error_;        // why the stores could not be opened
    std::uint64_t store_generation_ = 0;
    std::uint64_t citizen_generation_ = 0; // results for a citizen who has left are dropped
    std::optional<queue::RateableTicket> ticket_;
    bool rescan_ = false; // a scan on the rate screen: its leave() must not forget the new check
    health::RatingHealth health_;
    Clock::time_point next_count_{};
    tasks::Workers worker_;
};

} // namespace kiosk::features
