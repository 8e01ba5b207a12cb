#pragma once
// The queue feature: the service list, the priority question and the issued ticket. It opens the ticket
// store off the UI thread, refreshes waiting counts when the services screen opens, and runs the
// TicketIssuer (allocate → record → print → record outcome) on its one serial worker. Results come back
// through the completion queue and only then touch the model. A second tap while a ticket is being issued
// is ignored (the buttons are disabled, and the issuer refuses it too). It checks the printer's state once
// a minute for staff. It does not call counters or speak (that is the counter and display features).

#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/feature.hpp"
#include "kiosk/features/queue/queue_model.hpp"

#include <memory>
#include <vector>

namespace kiosk::features {

class QueueFeature final : public Feature {
  public:
    explicit QueueFeature(const FeatureContext& context);
    ~QueueFeature() override;

    [[nodiscard]] std::string_view name() const override { return "queue"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    bool back(std::string_view screen) override;
    void enter(std::string_view screen, bool returning) override;
    void leave(std::string_view screen) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override { return !worker_.idle(); }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override { model_.forget(); }
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;

    [[nodiscard]] const ui::QueueModel& model() const { return model_; }

  private:
    bool load_services();
    void open_store();
    void refresh_waiting();
    void issue(const std::string& service_code, const std::string& priority);
    void check_printer();

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    const i18n::Translator& translator_;
    Shell& shell_;
    ui::QueueModel model_;
    std::vector<queue::Service> services_;
    struct OpenedStore;
    std::shared_ptr<OpenedStore> store_; // shared with worker jobs; set once opened
    std::shared_ptr<printer::LayoutPrinter> printer_;
    std::string printer_error_;
    std::uint64_t store_generation_ = 0; // a store opened for an older snapshot is dropped
    health::QueueHealth queue_health_;
    health::PrinterHealth printer_health_;
    Clock::time_point next_printer_check_{};
    tasks::Workers worker_; // one thread: the store and the printer are used serially
};

} // namespace kiosk::features
