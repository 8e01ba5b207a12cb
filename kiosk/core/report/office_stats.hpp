#pragma once
// Office statistics for ward leaders: per service, counter and hour of day — tickets issued, served, voided,
// no-shows (called at a counter, the citizen did not come, and not returned to the queue), print failures,
// waiting time (called − issued) and service time (served − called) as median and 90th percentile, and
// ratings per level. The stores deliver one compact TicketFact per ticket of the period (StatsSource:
// kiosk/store/rating_stats_*.hpp); summarize() turns them into report rows; report_csv() writes them. Pure
// and deterministic; no database, file or drawing code here (kioskctl report draws the charts). A no-show is
// a ticket whose state is still `skipped` (the counter desk's "not present"); a skipped ticket that returned
// to the queue and was served later counts as served, not as a no-show.

#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/util/result.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::report {

// One ticket of the period, as the statistics need it (nothing personal).
struct TicketFact {
    std::string service;
    int counter = 0; // 0: never called
    int hour = 0;    // local (UTC+7) hour the ticket was issued, 0..23
    queue::TicketState state = queue::TicketState::issued;
    bool print_failed = false;              // the print failed and was not redone
    std::optional<std::int64_t> wait_ms;    // called − issued
    std::optional<std::int64_t> service_ms; // served − called
    int rating = 0;                         // 0: none, else queue::RatingLevel (1 not satisfied .. 3 very)
};

struct StatsQuery {
    queue::OfficeDay from, to; // inclusive office days
    std::string service;       // empty: every service
};

struct OfficeReport;

class StatsSource {
  public:
    virtual ~StatsSource() = default;
    // Every ticket of the office in [from, to] (of `service` when set), with its rating.
    [[nodiscard]] virtual Result<std::vector<TicketFact>> ticket_facts(const StatsQuery& query) = 0;
    // The report of the period: by default summarize(ticket_facts(query)); a database that can aggregate on
    // the server (PostgreSQL) returns the same rows and numbers without shipping every ticket.
    [[nodiscard]] virtual Result<OfficeReport> office_report(const StatsQuery& query);
};

struct Percentiles {
    std::optional<double> p50_s, p90_s; // seconds; none when no ticket had the duration
};

// One row of the report: kind "total" (key ""), "service" (code), "counter" (number) or "hour" ("08").
struct StatsRow {
    std::string kind, key;
    std::int64_t issued = 0, served = 0, voided = 0, no_shows = 0, print_failures = 0;
    Percentiles wait, service_time;
    std::array<std::int64_t, 3> ratings{}; // [not satisfied, satisfied, very satisfied]
};

struct OfficeReport {
    StatsQuery query;
    std::vector<StatsRow> rows; // total, then services, counters (called tickets only), hours — each sorted
};

// Linear interpolation between closest ranks (like PostgreSQL percentile_cont); `values` gets sorted.
[[nodiscard]] std::optional<double> percentile(std::vector<std::int64_t>& values, double q);
[[nodiscard]] OfficeReport summarize(const std::vector<TicketFact>& facts, const StatsQuery& query);
// "kind,key,issued,served,voided,no_shows,print_failures,wait_p50_s,wait_p90_s,service_p50_s,service_p90_s,
//  rating_not_satisfied,rating_satisfied,rating_very_satisfied" + one line per row (empty = no data).
[[nodiscard]] std::string report_csv(const OfficeReport& report);
// The rows of one kind.
[[nodiscard]] std::vector<const StatsRow*> rows_of(const OfficeReport& report, const std::string& kind);

} // namespace kiosk::report
