#pragma once
// SqliteRatingStats: ratings and office statistics in the kiosk's SQLite ticket file. It adds one table next
// to the ticket store's (which must have been opened on the file before, creating queue_ticket):
//   queue_rating(ticket_id INTEGER PRIMARY KEY, office, service, day, counter, level 1..3, reasons bits,
//                rated_at unix ms)   — one rating per ticket; nothing about the person.
// ticket_facts() reads one row per ticket of the period (ticket LEFT JOIN rating) through the ticket store's
// (office, day, ...) index. It does not issue, call or change tickets (SqliteTicketStore does).

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/report/office_stats.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::store {

struct SqliteRatingStatsOptions {
    std::filesystem::path path; // the ticket database file
    std::string office;
    std::chrono::milliseconds busy_timeout{5000};
};

class SqliteRatingStats final : public queue::RatingStore, public report::StatsSource {
  public:
    [[nodiscard]] static Result<std::unique_ptr<SqliteRatingStats>>
    open(const SqliteRatingStatsOptions& options);
    ~SqliteRatingStats() override;
    SqliteRatingStats(const SqliteRatingStats&) = delete;
    SqliteRatingStats& operator=(const SqliteRatingStats&) = delete;

    [[nodiscard]] Status add(const queue::Rating& rating) override;
    [[nodiscard]] Result<bool> is_rated(std::int64_t ticket_id) override;
    [[nodiscard]] Result<std::vector<report::TicketFact>>
    ticket_facts(const report::StatsQuery& query) override;

  private:
    struct Impl;
    explicit SqliteRatingStats(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
