#pragma once
// The queue screens' behaviour: opens the ticket store off the UI thread, refreshes waiting counts when the
// services screen opens, and runs the TicketIssuer (allocate → record → print → record outcome) on the serial
// queue worker. Results come back through the completion queue and only then touch the model. A second tap
// while a ticket is being issued is ignored (the buttons are disabled, and the issuer refuses it too).

#include "drivers/printer/ticket_printer.hpp"
#include "kiosk/app/clock.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/health/health.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"
#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/view_model.hpp"

#include <memory>
#include <vector>

namespace kiosk::app {

class QueueFeature {
  public:
    QueueFeature(const config::Config& config, const Clock& clock, const i18n::Translator& translator,
                 tasks::CompletionQueue& completions, ui::AppModel& model,
                 std::shared_ptr<printer::TicketPrinter> printer);
    ~QueueFeature();

    // Opens the store in the background; services are listed at once.
    void start();
    // Handles queue commands; returns true when it took the command.
    bool handle(const ui::Command& command);
    // Called when a screen is entered.
    void on_enter(ui::Screen screen);
    // Checks the printer's state on the queue worker when a minute has passed since the last check.
    void tick();
    // Fills the queue and printer sections of a health snapshot.
    void report(health::HealthSnapshot& snapshot) const;
    // Background work still running (scripts wait for it before reading the screen).
    [[nodiscard]] bool busy() const { return worker_.busy() > 0 || worker_.queued() > 0; }

  private:
    void refresh_waiting();
    void issue(const std::string& service_code, const std::string& priority);
    queue::PrintOutcome print_ticket(queue::TicketStore& store, const queue::Ticket& ticket);

    const config::Config& config_;
    const Clock& clock_;
    const i18n::Translator& translator_;
    ui::AppModel& model_;
    std::shared_ptr<printer::TicketPrinter> printer_;
    std::vector<queue::Service> services_;
    std::shared_ptr<queue::TicketStore> store_; // owned by the worker jobs too; set once opened
    std::shared_ptr<queue::TicketIssuer> issuer_;
    health::QueueHealth queue_health_;
    health::PrinterHealth printer_health_;
    Clock::time_point next_printer_check_{};
    void check_printer();
    // The issue in progress, used only on the queue worker (one thread).
    struct PrintJobContext {
        queue::Service service;
        i18n::Lang lang = i18n::Lang::vi;
        int ahead = 0;
        printer::PrintOutcome result;
    } job_;
    tasks::Workers worker_; // one thread: the store and the printer are used serially
};

} // namespace kiosk::app
