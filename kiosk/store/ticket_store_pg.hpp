#pragma once
// PgTicketStore: queue numbers in a PostgreSQL database shared by every kiosk and counter of an office.
// Allocation is one statement: a per-(office, service, day, series) counter row advanced with
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING, feeding the ticket INSERT in the same statement, so
// concurrent kiosks never get the same number and a failed insert never burns one. Each issue carries a
// random request id; when the connection drops mid-issue the store reconnects (bounded attempts) and looks
// the request id up before retrying, so an ambiguous commit never issues twice. It does not cache tickets or
// queue writes while the server is unreachable: it fails with "queue.error.store_unreachable" + detail.
//
// Schema (table queue_meta holds schema_version = 1; created under an advisory lock):
//   queue_counter(office, service, day, series, last_number)  PK(office, service, day, series)
//   queue_ticket(id bigserial PK, office, service, day text 'YYYY-MM-DD', series smallint, number, display,
//       priority, state, issued_at/printed_at/called_at/served_at/voided_at bigint unix ms, counter, note,
//       request_id UNIQUE, check_code (random QR check value; added on open when missing))
//       UNIQUE(office, service, day, series, number)

#include "kiosk/core/queue/ticket_store.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace kiosk::store {

struct PgTicketStoreOptions {
    // libpq connection string or URI ("host=10.0.0.5 dbname=motcua user=kiosk" / "postgresql://...").
    // Settings in it win over the defaults below.
    std::string dsn;
    std::string office;
    int day_reset_minute = 0;
    int connect_timeout_s = 5;        // added to the DSN as connect_timeout unless the DSN sets it
    int statement_timeout_ms = 10000; // a stuck server fails a tap instead of hanging the kiosk
    int max_attempts = 3;             // per operation, reconnecting in between
    std::chrono::milliseconds retry_delay{200};
};

class PgTicketStore final : public queue::TicketStore {
  public:
    // Connects and creates the schema if missing. Unreachable → "queue.error.store_unreachable".
    [[nodiscard]] static Result<std::unique_ptr<PgTicketStore>> open(const PgTicketStoreOptions& options);
    ~PgTicketStore() override;
    PgTicketStore(const PgTicketStore&) = delete;
    PgTicketStore& operator=(const PgTicketStore&) = delete;

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
    explicit PgTicketStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
