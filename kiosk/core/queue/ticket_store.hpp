#pragma once
// TicketStore: the durable record of queue numbers of one office. issue() allocates the next number of a
// service's sequence for the office day AND records the ticket in one atomic step, before the number is
// shown or printed; so a number is never issued twice, never reused and never skipped (a cancelled number
// stays recorded as voided). Implementations: SQLite (kiosk/store/ticket_store_sqlite.hpp) and PostgreSQL
// (kiosk/store/ticket_store_pg.hpp). It does not print, check opening hours or debounce taps: that is
// TicketIssuer. Error kinds are i18n keys ("queue.error.*"); messages carry the technical detail.

#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::queue {

// Error kinds every store uses.
inline constexpr const char* kErrRangeExhausted = "queue.error.range_exhausted";
inline constexpr const char* kErrUnreachable = "queue.error.store_unreachable";
inline constexpr const char* kErrBusy = "queue.error.store_busy";
inline constexpr const char* kErrStore = "queue.error.store_failed";
inline constexpr const char* kErrNotFound = "queue.error.ticket_not_found";
inline constexpr const char* kErrBadState = "queue.error.bad_state";

class TicketStore {
  public:
    virtual ~TicketStore() = default;

    // Allocates and records the next number of `service` (series by `priority`) for the office day of `now`.
    // Range exhausted → kErrRangeExhausted (numbers never wrap within a day).
    [[nodiscard]] virtual Result<Ticket> issue(const Service& service, PriorityKind priority,
                                               TimePoint now) = 0;
    [[nodiscard]] virtual Status mark_printed(std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Status mark_print_failed(std::int64_t id, const std::string& reason,
                                                   TimePoint now) = 0;
    // Cancels a ticket that is not served yet; the number stays used and the reason is recorded.
    [[nodiscard]] virtual Status void_ticket(std::int64_t id, const std::string& reason, TimePoint now) = 0;
    // Calls the next waiting ticket of `service` for the office day of `now`: priority series first, then in
    // issue order. None waiting → an empty optional.
    [[nodiscard]] virtual Result<std::optional<Ticket>> call_next(const std::string& service, int counter,
                                                                  TimePoint now) = 0;
    // A called ticket is served.
    [[nodiscard]] virtual Result<Ticket> done(std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> get(std::int64_t id) = 0;
    // A ticket of `day` by its display text ("A015").
    [[nodiscard]] virtual Result<Ticket> find(const OfficeDay& day, const std::string& display) = 0;
    // Every ticket of the office day, in issue order.
    [[nodiscard]] virtual Result<std::vector<Ticket>> list(const OfficeDay& day) = 0;
    // How many waiting tickets of the same service and day will be called before `ticket`.
    [[nodiscard]] virtual Result<int> ahead_of(const Ticket& ticket) = 0;
    // Service durations (served − called) of the day's served tickets of `service`.
    [[nodiscard]] virtual Result<std::vector<std::chrono::milliseconds>>
    service_times(const std::string& service, const OfficeDay& day) = 0;
    // Counters that are open: worked (called, served, resumed…) at or after `since` and not paused, from the
    // counter desks' state (kiosk/core/queue/counter_desk.hpp). Empty when none is known (no desk yet).
    [[nodiscard]] virtual Result<std::vector<int>> open_counters(TimePoint since) {
        (void)since;
        return std::vector<int>{};
    }
    // The office day `now` falls in (the store's reset time applies).
    [[nodiscard]] virtual OfficeDay day_of(TimePoint now) const = 0;
};

} // namespace kiosk::queue
