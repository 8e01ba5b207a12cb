#pragma once
// SqliteTicketStore: queue numbers in a local SQLite file (the kiosk's embedded default). Durable and safe
// with several threads and several processes on the same file: WAL journal, synchronous=FULL (a committed
// number survives power loss), busy_timeout, and BEGIN IMMEDIATE so allocation and the ticket insert are one
// serialised transaction. It does not share numbers between machines (use PgTicketStore for that).
//
// Schema (PRAGMA user_version = 1):
//   queue_counter(office, service, day, series, last_number)   PK(office, service, day, series)
//       the last number handed out per sequence; advanced in the same transaction as the ticket insert.
//   queue_ticket(id INTEGER PK AUTOINCREMENT, office, service, day 'YYYY-MM-DD', series 0 normal|1 priority,
//       number, display, priority kind, state, issued_at/printed_at/called_at/served_at/voided_at (unix ms),
//       counter, note (print failure or void reason), request_id UNIQUE,
//       check_code (random QR check value; added to older files on open))
//       UNIQUE(office, service, day, series, number): a duplicate number cannot be stored even by a bug.

#include "kiosk/core/queue/ticket_store.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::store {

struct SqliteTicketStoreOptions {
    std::filesystem::path path; // the database file (created with its folder if missing)
    std::string office;         // office id stored with every ticket
    int day_reset_minute = 0;   // office day turns over at this local minute (0 = midnight VN time)
    std::chrono::milliseconds busy_timeout{5000};
};

class SqliteTicketStore final : public queue::TicketStore {
  public:
    [[nodiscard]] static Result<std::unique_ptr<SqliteTicketStore>>
    open(const SqliteTicketStoreOptions& options);
    ~SqliteTicketStore() override;
    SqliteTicketStore(const SqliteTicketStore&) = delete;
    SqliteTicketStore& operator=(const SqliteTicketStore&) = delete;

    [[nodiscard]] Result<queue::Ticket> issue(const queue::Service& service, queue::PriorityKind priority,
                                              queue::TimePoint now) override;
    [[nodiscard]] Status mark_printed(std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Status mark_print_failed(std::int64_t id, const std::string& reason,
                                           queue::TimePoint now) override;
    [[nodiscard]] Status void_ticket(std::int64_t id, const std::string& reason,
                                     queue::TimePoint now) override;
    [[nodiscard]] Result<std::optional<queue::Ticket>> call_next(const std::string& service, int counter,
                                                                 queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> done(std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> get(std::int64_t id) override;
    [[nodiscard]] Result<queue::Ticket> find(const queue::OfficeDay& day,
                                             const std::string& display) override;
    [[nodiscard]] Result<std::vector<queue::Ticket>> list(const queue::OfficeDay& day) override;
    [[nodiscard]] Result<int> ahead_of(const queue::Ticket& ticket) override;
    [[nodiscard]] Result<std::vector<std::chrono::milliseconds>>
    service_times(const std::string& service, const queue::OfficeDay& day) override;
    [[nodiscard]] Result<std::vector<int>> open_counters(queue::TimePoint since) override;
    [[nodiscard]] queue::OfficeDay day_of(queue::TimePoint now) const override;

  private:
    struct Impl;
    explicit SqliteTicketStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
