#pragma once
// Opens the ratings-and-statistics store next to the ticket store (same SQLite file or PostgreSQL database);
// the composition root decides the options. The ticket store must have been opened on it first (its tables).

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/store/ticket_store_factory.hpp"

#include <memory>

namespace kiosk::store {

// Both faces of one store: RatingStore (the kiosk's rating screen) and StatsSource (reports, /metrics).
struct RatingStats {
    std::shared_ptr<queue::RatingStore> ratings;
    std::shared_ptr<report::StatsSource> stats;
};

[[nodiscard]] Result<RatingStats> open_rating_stats(const QueueStoreOptions& options);

} // namespace kiosk::store
