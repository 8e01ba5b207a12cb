#include "kiosk/store/rating_stats_sqlite.hpp"

#include "kiosk/store/sqlite_db.hpp"

#include <mutex>
#include <unordered_map>

namespace kiosk::store {

using namespace kiosk::queue;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS queue_rating (
  ticket_id INTEGER PRIMARY KEY, office TEXT NOT NULL, service TEXT NOT NULL, day TEXT NOT NULL,
  counter INTEGER, level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  reasons INTEGER NOT NULL DEFAULT 0, rated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS queue_rating_by_day ON queue_rating (office, day);
)sql";

// Every ticket column the statistics read, so a period is one index range (see kFacts). Created on the ticket
// table as soon as it exists (the ticket store makes it; the two stores may open in either order).
constexpr const char* kStatsIndex =
    "CREATE INDEX IF NOT EXISTS queue_ticket_stats ON queue_ticket (office, day, service, state, counter, "
    "issued_at, printed_at, called_at, served_at, note)";

// One row per ticket of the period. A print failure counts when the ticket was never printed and carries
// the failure note (a reprint clears the note; a voided ticket's note is the void reason). Ratings are read
// apart and matched by ticket id: cheaper than a join per ticket on a year.
// queue_ticket_stats covers every column read here, so the period is one range of that index, read in
// order, without touching the wider table rows (display, request id, check value, ...).
constexpr const char* kFacts =
    "SELECT id, service, coalesce(counter, 0), issued_at, state, "
    "(printed_at IS NULL AND state <> 'voided' AND note <> ''), called_at - issued_at, served_at - called_at "
    "FROM queue_ticket INDEXED BY queue_ticket_stats WHERE office = ?1 AND day BETWEEN ?2 AND ?3 AND "
    "(?4 = '' OR service = ?4)";
constexpr const char* kRatings = "SELECT ticket_id, level FROM queue_rating WHERE office = ?1 AND day "
                                 "BETWEEN ?2 AND ?3 AND (?4 = '' OR service = ?4)";

Error fail(const std::string& what, const Error& e) {
    const char* kind = e.kind == sqlite::kErrBusy   ? kErrBusy
                       : e.kind == sqlite::kErrOpen ? kErrUnreachable
                                                    : kErrStore;
    return make_error(kind, what + ": " + e.message);
}

} // namespace

struct SqliteRatingStats::Impl {
    SqliteRatingStatsOptions options;
    sqlite::Db db;
    std::mutex mutex;         // one connection, one thread at a time
    bool stats_index = false; // queue_ticket_stats exists

    Impl(SqliteRatingStatsOptions o, sqlite::Db d) : options(std::move(o)), db(std::move(d)) {}

    // Creates the statistics index once the ticket table is there; false while it is not.
    Result<bool> ensure_stats_index() {
        if (stats_index) return true;
        {
            auto st =
                db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_ticket'");
            if (!st) return st.error();
            auto row = st->step();
            if (!row) return row.error();
            if (!*row) return false;
        } // the statement is finished before the schema changes
        if (auto made = db.exec(kStatsIndex); !made) return made.error();
        return stats_index = true;
    }
};

SqliteRatingStats::SqliteRatingStats(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteRatingStats::~SqliteRatingStats() = default;

Result<std::unique_ptr<SqliteRatingStats>> SqliteRatingStats::open(const SqliteRatingStatsOptions& options) {
    if (options.office.empty()) return make_error(kErrStore, "rating store: office id is empty");
    sqlite::OpenOptions o;
    o.path = options.path;
    o.journal = sqlite::Journal::wal;
    o.synchronous = sqlite::Synchronous::full;
    o.busy_timeout = options.busy_timeout;
    auto db = sqlite::Db::open(o);
    if (!db) return fail("cannot open the rating database", db.error());
    if (auto st = db->exec(kSchema); !st) return fail("create the rating table", st.error());
    auto impl = std::make_unique<Impl>(options, std::move(db).value());
    if (auto indexed = impl->ensure_stats_index(); !indexed)
        return fail("create the statistics index", indexed.error());
    return std::unique_ptr<SqliteRatingStats>(new SqliteRatingStats(std::move(impl)));
}

Status SqliteRatingStats::add(const Rating& r) {
    std::lock_guard lock(impl_->mutex);
    const std::string what = "record rating of ticket " + std::to_string(r.ticket_id);
    // ON CONFLICT DO NOTHING + no row back: the ticket was rated already (also by another kiosk process).
    auto st = impl_->db.prepare("INSERT INTO queue_rating (ticket_id, office, service, day, counter, level, "
                                "reasons, rated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                "ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id");
    if (!st) return fail(what, st.error());
    st->bind_int64(1, r.ticket_id).bind_text(2, impl_->options.office).bind_text(3, r.service);
    st->bind_text(4, r.day.iso).bind_int64(6, static_cast<int>(r.level)).bind_int64(7, r.reasons);
    st->bind_int64(8, to_unix_ms(r.rated_at));
    if (r.counter)
        st->bind_int64(5, *r.counter);
    else
        st->bind_null(5);
    auto row = st->step();
    if (!row) return fail(what, row.error());
    const bool inserted = *row;
    if (auto done = st->finish(); !done) return fail(what, done.error());
    if (!inserted) return make_error(kErrAlreadyRated, what + ": already rated");
    return Ok{};
}

Result<bool> SqliteRatingStats::is_rated(std::int64_t ticket_id) {
    std::lock_guard lock(impl_->mutex);
    auto st = impl_->db.prepare("SELECT 1 FROM queue_rating WHERE ticket_id = ?1");
    if (!st) return fail("look up rating", st.error());
    st->bind_int64(1, ticket_id);
    auto row = st->step();
    if (!row) return fail("look up rating", row.error());
    return *row;
}

Result<std::vector<report::TicketFact>> SqliteRatingStats::ticket_facts(const report::StatsQuery& q) {
    std::lock_guard lock(impl_->mutex);
    const std::string what = "statistics " + q.from.iso + ".." + q.to.iso;
    auto bind = [&](sqlite::Statement& st) {
        st.bind_text(1, impl_->options.office).bind_text(2, q.from.iso).bind_text(3, q.to.iso);
        st.bind_text(4, q.service);
    };
    std::unordered_map<std::int64_t, int> levels;
    {
        auto st = impl_->db.prepare(kRatings);
        if (!st) return fail(what, st.error());
        bind(*st);
        for (;;) {
            auto row = st->step();
            if (!row) return fail(what, row.error());
            if (!*row) break;
            levels[st->int64(0)] = static_cast<int>(st->int64(1));
        }
    }
    std::vector<report::TicketFact> out;
    auto indexed = impl_->ensure_stats_index();
    if (!indexed) return fail(what, indexed.error());
    if (!*indexed) return out; // no ticket table yet: no tickets
    auto st = impl_->db.prepare(kFacts);
    if (!st) return fail(what, st.error());
    bind(*st);
    for (;;) {
        auto row = st->step();
        if (!row) return fail(what, row.error());
        if (!*row) break;
        report::TicketFact f;
        f.service = st->text(1);
        f.counter = static_cast<int>(st->int64(2));
        f.hour = local_minute_of_day(from_unix_ms(st->int64(3))) / 60;
        if (!parse_state(st->text(4), f.state))
            return make_error(kErrStore, what + ": unknown ticket state '" + st->text(4) + "'");
        f.print_failed = st->int64(5) != 0;
        if (!st->is_null(6)) f.wait_ms = st->int64(6);
        if (!st->is_null(7)) f.service_ms = st->int64(7);
        if (auto it = levels.find(st->int64(0)); it != levels.end()) f.rating = it->second;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace kiosk::store
