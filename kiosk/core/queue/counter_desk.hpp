#pragma once
// CounterDesk: what a staffed counter does to the queue, each operation one transaction in the ticket store
// that also records exactly one event per state change (queue_event) and wakes watchers:
//   call_next  completes the counter's current ticket (served) and calls the next waiting ticket of the
//              counter's services, by the office's priority policy; two counters never get the same ticket
//   recall     says the current ticket again (event only)
//   skip       the citizen did not come: skipped; return_skipped() puts it back (front of its service)
//              within the office's return window
//   transfer   sends the current ticket to another service, same number, front or back of that queue
//   serve      the current ticket is done
//   set_paused the counter stops/starts taking tickets (paused counters do not count for wait estimates)
// Plus the reads the lobby display and the console draw from (board). Implementations: SQL over SQLite or
// PostgreSQL (kiosk/store/counter_desk_sql.hpp). It does not issue or print tickets (TicketStore does).

#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::queue {

// strict: every waiting priority ticket before any regular one; interleave: one priority ticket after
// every `regular_per_priority` regular calls (counted office-wide per day), when one is waiting.
enum class PriorityPolicy { strict, interleave };
enum class TransferPosition { front, back };

struct DeskOptions {
    PriorityPolicy policy = PriorityPolicy::strict;
    int regular_per_priority = 3;
    std::chrono::minutes skip_return_window{15};
    TransferPosition transfer_position = TransferPosition::back;
};

struct QueueEvent {
    std::int64_t id = 0; // increasing in commit order of one store
    std::optional<std::int64_t> ticket_id;
    std::string kind; // call, recall, skip, return, transfer, served, pause, resume
    std::optional<int> counter;
    TimePoint at{};
    std::string detail;  // transfer: "FROM>TO front"; empty otherwise
    std::string display; // the ticket's display text ("A015"), empty for pause/resume
};

struct DeskState {
    int counter = 0;
    bool paused = false;
    std::optional<Ticket> current; // called at this counter right now
};

// A waiting ticket with the service it waits for now (after transfers) in call order.
struct WaitingTicket {
    Ticket ticket; // ticket.service is the service it waits for now
    std::optional<TimePoint> skipped_at;
};

// One read for screens: everything a console or lobby display draws.
struct QueueBoard {
    OfficeDay day;
    std::vector<DeskState> desks;         // by counter number
    std::vector<WaitingTicket> waiting;   // every waiting ticket, per service in call order
    std::vector<Ticket> skipped;          // no-shows of the day that may still return
    std::vector<QueueEvent> recent_calls; // call and recall events, newest first
    std::vector<Ticket> served;           // served tickets of the day (service times)
};

class CounterDesk {
  public:
    virtual ~CounterDesk() = default;
    [[nodiscard]] virtual Result<std::optional<Ticket>>
    call_next(int counter, const std::vector<std::string>& services, TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> recall(int counter, std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> skip(int counter, std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> return_skipped(std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> transfer(int counter, std::int64_t id, const std::string& to_service,
                                                  TimePoint now) = 0;
    [[nodiscard]] virtual Result<Ticket> serve(int counter, std::int64_t id, TimePoint now) = 0;
    [[nodiscard]] virtual Status set_paused(int counter, bool paused, TimePoint now) = 0;

    [[nodiscard]] virtual Result<QueueBoard> board(TimePoint now, std::size_t recent = 8) = 0;
    // Events of `day` with id > after_id, oldest first.
    [[nodiscard]] virtual Result<std::vector<QueueEvent>> events(const OfficeDay& day,
                                                                 std::int64_t after_id = 0) = 0;
};

} // namespace kiosk::queue
