#include "kiosk/store/rating_stats_factory.hpp"

#include "kiosk/store/rating_stats_pg.hpp"
#include "kiosk/store/rating_stats_sqlite.hpp"

namespace kiosk::store {

Result<RatingStats> open_rating_stats(const QueueStoreOptions& o) {
    if (o.kind == "sqlite") {
        auto s = SqliteRatingStats::open({o.sqlite_path, o.office});
        if (!s) return s.error();
        std::shared_ptr<SqliteRatingStats> shared(std::move(s).value());
        return RatingStats{shared, shared};
    }
    if (o.kind == "postgres") {
        PgRatingStatsOptions p;
        p.dsn = o.postgres_dsn;
        p.office = o.office;
        auto s = PgRatingStats::open(p);
        if (!s) return s.error();
        std::shared_ptr<PgRatingStats> shared(std::move(s).value());
        return RatingStats{shared, shared};
    }
    return make_error("queue.error.bad_store",
                      "queue.store = '" + o.kind + "' (expected sqlite or postgres)");
}

} // namespace kiosk::store
