#pragma once
// A seeded generator of realistic one-stop-office traffic for tests and benchmarks: office days Monday to
// Friday, opening hours 07:30–11:30 and 13:30–17:00 with morning and early-afternoon peaks, services by
// weight, each service's counters serving in turn with log-normal service times (so waits grow at peaks),
// a few tickets voided by staff or left unserved at closing (voided), no-shows (called but not present, more
// after long waits; some return to the queue and are served later), a few failed prints, and about a third
// of served citizens rating (worse after long waits, with reasons). Same seed → same traffic. The loaders
// write the tickets in the ticket store's own schema (tables created by the real stores) in one transaction.

#include "kiosk/core/queue/service.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::testing {

struct GeneratedTicket {
    std::string service, day, display, state, note, check;
    int number = 0;
    long long issued_at = 0; // unix ms
    std::optional<long long> printed_at, called_at, served_at, voided_at;
    std::optional<int> counter;
    int rating = 0; // 0 none, 1..3 (queue::RatingLevel)
    unsigned reasons = 0;
    long long rated_at = 0;
};

struct TrafficOptions {
    std::string from, to; // inclusive "YYYY-MM-DD"
    int tickets_per_day = 300;
    std::uint64_t seed = 1;
};

[[nodiscard]] std::vector<GeneratedTicket> generate_traffic(const std::vector<queue::Service>& services,
                                                            const TrafficOptions& options);

// Loads into the SQLite ticket file (opening SqliteTicketStore and SqliteRatingStats first for the schema).
// Returns an error text, empty on success.
[[nodiscard]] std::string load_sqlite(const std::string& path, const std::string& office,
                                      const std::vector<GeneratedTicket>& tickets);
// The same into PostgreSQL (PgTicketStore / PgRatingStats create the schema; rows go in with COPY).
[[nodiscard]] std::string load_postgres(const std::string& dsn, const std::string& office,
                                        const std::vector<GeneratedTicket>& tickets);

} // namespace kiosk::testing
