#pragma once
// TicketIssuer: the "take a number" flow shared by the kiosk screen and `kioskctl ticket issue`.
// One issue at a time per issuer: a second request while one is in flight (or within the cool-down after
// it, i.e. a double tap) is refused with "queue.error.busy", so a double tap yields one ticket.
// Order: check service/hours → allocate + record in the store → print → record printed / print_failed.
// The number is recorded before printing, so a failed print never loses or reuses it. The print callback is
// supplied by the caller (the printer driver); this type does not render or talk to hardware.
// Thread-safe: issue() may be called from any thread; the store must be safe for that too.

#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::queue {

inline constexpr const char* kErrIssuerBusy = "queue.error.busy";
inline constexpr const char* kErrClosed = "queue.error.closed";
inline constexpr const char* kErrPriorityNotAllowed = "queue.error.priority_not_allowed";

struct PrintOutcome {
    bool ok = false;
    std::string reason; // on failure: what the printer said ("out of paper", "CUPS job 12 aborted", ...)
};
using PrintFn = std::function<PrintOutcome(const Ticket&)>;

struct IssuerOptions {
    // Taps within this time after the previous issue's `now` are refused (a double tap after a fast print).
    std::chrono::milliseconds cooldown{700};
};

struct IssueOutcome {
    Ticket ticket;              // always valid: the number is recorded and must be shown
    bool printed = false;       // paper came out (or printing not requested)
    std::string print_error;    // reason when the print failed
    std::string record_warning; // the store could not record the print outcome (ticket itself is recorded)
};

class TicketIssuer {
  public:
    // `print` may be empty: then no ticket is printed and the state stays "issued" (screen-only number).
    TicketIssuer(TicketStore& store, PrintFn print, IssuerOptions options = {});

    [[nodiscard]] Result<IssueOutcome> issue(const Service& service, PriorityKind priority, TimePoint now);

    // True while an issue is in flight (the screen may show a spinner instead of the buttons).
    [[nodiscard]] bool busy() const { return in_flight_.load(); }

  private:
    TicketStore& store_;
    PrintFn print_;
    IssuerOptions options_;
    std::atomic<bool> in_flight_{false};
    std::mutex last_mutex_;
    std::optional<TimePoint> last_finished_;
};

// Whether `service` takes tickets at `now` (opening hours and weekdays in Vietnam time).
[[nodiscard]] bool is_open(const Service& service, TimePoint now);

} // namespace kiosk::queue
