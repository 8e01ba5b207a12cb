#pragma once
// PgRatingStats: ratings and office statistics in the office's shared PostgreSQL database, next to the
// ticket store's tables (PgTicketStore must have created queue_ticket before). Adds, under an advisory lock:
//   queue_rating(ticket_id bigint PRIMARY KEY, office, service, day, counter, level smallint 1..3,
//                reasons integer bits, rated_at bigint unix ms)  — one rating per ticket, nothing personal.
// One connection, used by one thread at a time; a broken connection is reset once per call. It does not
// change tickets.

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/report/office_stats.hpp"

#include <memory>
#include <string>

namespace kiosk::store {

struct PgRatingStatsOptions {
    std::string dsn; // libpq connection string or URI
    std::string office;
    int connect_timeout_s = 5;
    int statement_timeout_ms = 10000;
};

class PgRatingStats final : public queue::RatingStore, public report::StatsSource {
  public:
    [[nodiscard]] static Result<std::unique_ptr<PgRatingStats>> open(const PgRatingStatsOptions& options);
    ~PgRatingStats() override;
    PgRatingStats(const PgRatingStats&) = delete;
    PgRatingStats& operator=(const PgRatingStats&) = delete;

    [[nodiscard]] Status add(const queue::Rating& rating) override;
    [[nodiscard]] Result<bool> is_rated(std::int64_t ticket_id) override;
    [[nodiscard]] Result<std::vector<report::TicketFact>>
    ticket_facts(const report::StatsQuery& query) override;

  private:
    struct Impl;
    explicit PgRatingStats(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
