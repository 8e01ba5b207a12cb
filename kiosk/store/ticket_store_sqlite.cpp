#include "kiosk/store/ticket_store_sqlite.hpp"

#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/core/queue/ticket_row.hpp"

#include "kiosk/store/sqlite_db.hpp"

#include <cstdio>
#include <mutex>
#include <random>
#include <string_view>
#include <variant>

namespace kiosk::store {

using namespace kiosk::queue;

namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS queue_counter (
  office TEXT NOT NULL, service TEXT NOT NULL, day TEXT NOT NULL, series INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (office, service, day, series));
CREATE TABLE IF NOT EXISTS queue_ticket (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  office TEXT NOT NULL, service TEXT NOT NULL, day TEXT NOT NULL, series INTEGER NOT NULL,
  number INTEGER NOT NULL, display TEXT NOT NULL, priority TEXT NOT NULL, state TEXT NOT NULL,
  issued_at INTEGER NOT NULL, printed_at INTEGER, called_at INTEGER, served_at INTEGER, voided_at INTEGER,
  counter INTEGER, note TEXT NOT NULL DEFAULT '', request_id TEXT UNIQUE,
  UNIQUE (office, service, day, series, number));
CREATE INDEX IF NOT EXISTS queue_ticket_by_day ON queue_ticket (office, day, service, state);
)sql";

constexpr const char* kWaiting = "('issued','printed','print_failed')";

using Value = std::variant<std::nullptr_t, long long, std::string>;

// Binds ?1, ?2 ... in order.
void bind(sqlite::Statement& st, std::initializer_list<Value> values) {
    int i = 1;
    for (const auto& v : values) {
        if (const auto* n = std::get_if<long long>(&v))
            st.bind_int64(i, *n);
        else if (const auto* s = std::get_if<std::string>(&v))
            st.bind_text(i, *s);
        else
            st.bind_null(i);
        ++i;
    }
}

TicketRow ticket_row(const sqlite::Statement& st) {
    TicketRow r;
    for (int i = 0; i < kTicketColumnCount; ++i)
        r[i] = st.optional_text(i);
    return r;
}

std::string random_request_id() {
    std::random_device rd;
    std::mt19937_64 gen((uint64_t(rd()) << 32) ^ rd());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", (unsigned long long)gen(), (unsigned long long)gen());
    return buf;
}

} // namespace

struct SqliteTicketStore::Impl {
    SqliteTicketStoreOptions options;
    sqlite::Db db;
    std::mutex mutex; // one connection, used by one thread at a time

    Impl(SqliteTicketStoreOptions o, sqlite::Db d) : options(std::move(o)), db(std::move(d)) {}

    // The helper's error as a store error: lock contention is "busy" (callers may retry), an unopenable
    // file "unreachable", anything else "failed".
    static Error fail(const std::string& what, const Error& e) {
        const char* kind = e.kind == sqlite::kErrBusy   ? kErrBusy
                           : e.kind == sqlite::kErrOpen ? kErrUnreachable
                                                        : kErrStore;
        return make_error(kind, what + ": " + e.message);
    }

    Status exec(const std::string& sql, const std::string& what) {
        if (auto st = db.exec(sql); !st) return fail(what, st.error());
        return Ok{};
    }

    Result<sqlite::Statement> prepare(std::string_view sql, const std::string& what) {
        auto st = db.prepare(sql);
        if (!st) return fail(what + ": prepare", st.error());
        return st;
    }

    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back if it fails.
    template <class F> auto transaction(const std::string& what, F&& body) -> decltype(body()) {
        auto tx = sqlite::Transaction::begin(db, sqlite::Transaction::Mode::immediate);
        if (!tx) return fail(what + ": begin", tx.error());
        auto result = body();
        if (!result) return result; // ~Transaction rolls back
        if (auto st = tx->commit(); !st) return fail(what + ": commit", st.error());
        return result;
    }

    // The ticket's QR check value (added after schema version 1): databases made before it get the column,
    // their tickets an empty value (their QR codes never carried one, so they cannot be rated by QR).
    Status ensure_check_column() {
        auto present = [&]() -> Result<bool> {
            auto info =
                prepare("SELECT count(*) FROM pragma_table_info('queue_ticket') WHERE name = 'check_code'",
                        "look for the check column");
            if (!info) return info.error();
            auto row = info->step();
            if (!row) return fail("look for the check column", row.error());
            return *row && info->int64(0) > 0;
        };
        auto before = present();
        if (!before) return before.error();
        if (*before) return Ok{};
        auto added = exec("ALTER TABLE queue_ticket ADD COLUMN check_code TEXT NOT NULL DEFAULT ''",
                          "add the check column");
        if (added) return Ok{};
        // Another connection to the same file (the rating statistics, a restarted kiosk) added it meanwhile.
        if (auto after = present(); after && *after) return Ok{};
        return added;
    }

    Result<Ticket> one_ticket(std::string_view where, std::initializer_list<Value> args,
                              const std::string& what) {
        auto st = prepare(
            std::string("SELECT ") + kTicketColumns + " FROM queue_ticket WHERE " + std::string(where), what);
        if (!st) return st.error();
        bind(*st, args);
        auto row = st->step();
        if (!row) return fail(what, row.error());
        if (!*row) return make_error(kErrNotFound, what + ": no such ticket");
        return ticket_from_row(ticket_row(*st));
    }

    Result<Ticket> by_id(std::int64_t id) {
        return one_ticket("id = ?1", {(long long)id}, "ticket " + std::to_string(id));
    }

    // An UPDATE ... RETURNING one ticket; if it touched no row, says whether the ticket is missing or in
    // the wrong state.
    Result<Ticket> update_one(const std::string& sql, std::initializer_list<Value> args, std::int64_t id,
                              const std::string& what) {
        {
            auto st = prepare(sql + " RETURNING " + kTicketColumns, what);
            if (!st) return st.error();
            bind(*st, args);
            auto row = st->step();
            if (!row) return fail(what, row.error());
            if (*row) {
                auto out = ticket_from_row(ticket_row(*st));
                if (auto done = st->finish(); !done) return fail(what + ": finish", done.error());
                return out;
            }
        }
        auto current = by_id(id);
        if (!current) return current.error();
        return make_error(kErrBadState, what + ": ticket " + current->display + " (id " + std::to_string(id) +
                                            ") is " + std::string(to_string(current->state)));
    }
};

SqliteTicketStore::SqliteTicketStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteTicketStore::~SqliteTicketStore() = default;

Result<std::unique_ptr<SqliteTicketStore>> SqliteTicketStore::open(const SqliteTicketStoreOptions& options) {
    if (options.office.empty()) return make_error(kErrStore, "ticket store: office id is empty");
    // synchronous=FULL: a committed number survives power loss.
    sqlite::OpenOptions o;
    o.path = options.path;
    o.create_folder = true;
    o.journal = sqlite::Journal::wal;
    o.synchronous = sqlite::Synchronous::full;
    o.busy_timeout = options.busy_timeout;
    auto db = sqlite::Db::open(o);
    if (!db) return Impl::fail("cannot open ticket database", db.error());
    auto impl = std::make_unique<Impl>(options, std::move(db).value());
    if (auto st = impl->exec("PRAGMA foreign_keys=ON", "set pragmas"); !st) return st.error();
    auto schema = impl->transaction("create schema", [&]() -> Status {
        auto v = impl->prepare("PRAGMA user_version", "read schema version");
        if (!v) return v.error();
        auto row = v->step();
        if (!row) return Impl::fail("read schema version", row.error());
        if (!*row)
            return make_error(kErrStore, "read schema version of " + options.path.string() + ": no row");
        const long long version = v->int64(0);
        if (version > kSchemaVersion)
            return make_error(kErrStore, "ticket database " + options.path.string() + " has schema version " +
                                             std::to_string(version) + ", newer than this program's " +
                                             std::to_string(kSchemaVersion));
        if (version == kSchemaVersion) return Ok{};
        if (auto st = impl->exec(kSchema, "create tables"); !st) return st;
        return impl->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion), "set schema version");
    });
    if (!schema) return schema.error();
    if (auto st = impl->ensure_check_column(); !st) return st.error();
    return std::unique_ptr<SqliteTicketStore>(new SqliteTicketStore(std::move(impl)));
}

OfficeDay SqliteTicketStore::day_of(TimePoint now) const {
    return office_day(now, impl_->options.day_reset_minute);
}

Result<Ticket> SqliteTicketStore::issue(const Service& service, PriorityKind priority, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    const bool prio = priority != PriorityKind::none;
    const long long series = prio ? 1 : 0;
    const long long start = prio ? service.priority_range_start : service.range_start;
    const long long end = prio ? service.priority_range_end : service.range_end;
    const std::string prefix = prio ? service.priority_prefix : service.prefix;
    const std::string day = day_of(now).iso;
    const std::string& office = impl_->options.office;
    const std::string what = "issue " + service.code + " " + day;
    return impl_->transaction(what, [&]() -> Result<Ticket> {
        long long number = 0;
        {
            // The WHERE on DO UPDATE keeps the counter at the range end instead of running past it.
            auto st = impl_->prepare("INSERT INTO queue_counter (office, service, day, series, last_number) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (office, service, day, series) "
                                     "DO UPDATE SET last_number = last_number + 1 WHERE last_number < ?6 "
                                     "RETURNING last_number",
                                     what);
            if (!st) return st.error();
            bind(*st, {office, service.code, day, series, start, end});
            auto row = st->step();
            if (!row) return Impl::fail(what + ": advance counter", row.error());
            if (!*row)
                return make_error(kErrRangeExhausted, "service '" + service.code +
                                                          "' has used every number " + std::to_string(start) +
                                                          ".." + std::to_string(end) + " of " + day);
            number = st->int64(0);
            if (auto done = st->finish(); !done) return Impl::fail(what + ": advance counter", done.error());
        }
        if (number > end)
            return make_error(kErrRangeExhausted, "service '" + service.code + "' range " +
                                                      std::to_string(start) + ".." + std::to_string(end) +
                                                      " is used up for " + day);
        auto st =
            impl_->prepare(std::string("INSERT INTO queue_ticket (office, service, day, series, number, "
                                       "display, priority, state, issued_at, request_id, check_code) VALUES "
                                       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'issued', ?8, ?9, ?10) RETURNING ") +
                               kTicketColumns,
                           what);
        if (!st) return st.error();
        bind(*st,
             {office, service.code, day, series, number, display_text(prefix, int(number)),
              std::string(to_string(priority)), to_unix_ms(now), random_request_id(), random_check_value()});
        auto row = st->step();
        if (!row) return Impl::fail(what + ": insert ticket", row.error());
        if (!*row) return make_error(kErrStore, what + ": insert ticket returned no row");
        auto ticket = ticket_from_row(ticket_row(*st));
        if (auto done = st->finish(); !done) return Impl::fail(what + ": insert ticket", done.error());
        return ticket;
    });
}

Status SqliteTicketStore::mark_printed(std::int64_t id, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    auto r = impl_->update_one(
        "UPDATE queue_ticket SET printed_at = ?1, note = '', state = CASE WHEN state IN "
        "('issued','print_failed') THEN 'printed' ELSE state END WHERE id = ?2 AND state != "
        "'voided'",
        {to_unix_ms(now), (long long)id}, id, "mark printed");
    if (!r) return r.error();
    return Ok{};
}

Status SqliteTicketStore::mark_print_failed(std::int64_t id, const std::string& reason, TimePoint now) {
    (void)now;
    std::lock_guard lock(impl_->mutex);
    auto r = impl_->update_one("UPDATE queue_ticket SET note = ?1, state = CASE WHEN state = 'issued' THEN "
                               "'print_failed' ELSE state END WHERE id = ?2 AND state != 'voided'",
                               {reason, (long long)id}, id, "mark print failed");
    if (!r) return r.error();
    return Ok{};
}

Status SqliteTicketStore::void_ticket(std::int64_t id, const std::string& reason, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    auto r =
        impl_->update_one("UPDATE queue_ticket SET state = 'voided', voided_at = ?1, note = ?2 WHERE id = ?3 "
                          "AND state NOT IN ('served','voided')",
                          {to_unix_ms(now), reason, (long long)id}, id, "void");
    if (!r) return r.error();
    return Ok{};
}

Result<std::optional<Ticket>> SqliteTicketStore::call_next(const std::string& service, int counter,
                                                           TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    const std::string day = day_of(now).iso;
    const std::string what = "call next " + service;
    // One statement: picking and marking happen atomically even with other processes on the file.
    auto st =
        impl_->prepare(std::string("UPDATE queue_ticket SET state = 'called', counter = ?1, called_at = "
                                   "?2 WHERE id = (SELECT id FROM queue_ticket WHERE office = ?3 AND "
                                   "day = ?4 AND service = ?5 AND state IN ") +
                           kWaiting + " ORDER BY series DESC, id LIMIT 1) RETURNING " + kTicketColumns,
                       what);
    if (!st) return st.error();
    bind(*st, {(long long)counter, to_unix_ms(now), impl_->options.office, day, service});
    auto row = st->step();
    if (!row) return Impl::fail(what, row.error());
    if (!*row) return std::optional<Ticket>{};
    auto t = ticket_from_row(ticket_row(*st));
    if (auto done = st->finish(); !done) return Impl::fail(what + ": finish", done.error());
    if (!t) return t.error();
    return std::optional<Ticket>(std::move(t).value());
}

Result<Ticket> SqliteTicketStore::done(std::int64_t id, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->update_one(
        "UPDATE queue_ticket SET state = 'served', served_at = ?1 WHERE id = ?2 AND state = "
        "'called'",
        {to_unix_ms(now), (long long)id}, id, "done");
}

Result<Ticket> SqliteTicketStore::get(std::int64_t id) {
    std::lock_guard lock(impl_->mutex);
    return impl_->by_id(id);
}

Result<Ticket> SqliteTicketStore::find(const OfficeDay& day, const std::string& display) {
    std::lock_guard lock(impl_->mutex);
    return impl_->one_ticket("office = ?1 AND day = ?2 AND display = ?3",
                             {impl_->options.office, day.iso, display},
                             "ticket " + display + " of " + day.iso);
}

Result<std::vector<Ticket>> SqliteTicketStore::list(const OfficeDay& day) {
    std::lock_guard lock(impl_->mutex);
    auto st = impl_->prepare(std::string("SELECT ") + kTicketColumns +
                                 " FROM queue_ticket WHERE office = ?1 AND day = ?2 ORDER BY id",
                             "list");
    if (!st) return st.error();
    bind(*st, {impl_->options.office, day.iso});
    std::vector<Ticket> out;
    for (;;) {
        auto row = st->step();
        if (!row) return Impl::fail("list " + day.iso, row.error());
        if (!*row) break;
        auto t = ticket_from_row(ticket_row(*st));
        if (!t) return t.error();
        out.push_back(std::move(t).value());
    }
    return out;
}

Result<int> SqliteTicketStore::ahead_of(const Ticket& ticket) {
    std::lock_guard lock(impl_->mutex);
    auto st = impl_->prepare(std::string("SELECT count(*) FROM queue_ticket WHERE office = ?1 AND day = ?2 "
                                         "AND service = ?3 AND state IN ") +
                                 kWaiting + " AND (series > ?4 OR (series = ?4 AND id < ?5))",
                             "ahead of");
    if (!st) return st.error();
    bind(*st, {ticket.office, ticket.day.iso, ticket.service, (long long)(ticket.is_priority() ? 1 : 0),
               (long long)ticket.id});
    auto row = st->step();
    if (!row) return Impl::fail("ahead of " + ticket.display, row.error());
    if (!*row) return make_error(kErrStore, "ahead of " + ticket.display + ": count returned no row");
    return int(st->int64(0));
}

Result<std::vector<std::chrono::milliseconds>> SqliteTicketStore::service_times(const std::string& service,
                                                                                const OfficeDay& day) {
    std::lock_guard lock(impl_->mutex);
    auto st = impl_->prepare(
        "SELECT served_at - called_at FROM queue_ticket WHERE office = ?1 AND day = ?2 AND service = "
        "?3 AND state = 'served' AND called_at IS NOT NULL AND served_at IS NOT NULL",
        "service times");
    if (!st) return st.error();
    bind(*st, {impl_->options.office, day.iso, service});
    std::vector<std::chrono::milliseconds> out;
    for (;;) {
        auto row = st->step();
        if (!row) return Impl::fail("service times " + service, row.error());
        if (!*row) break;
        out.emplace_back(st->int64(0));
    }
    return out;
}

Result<std::vector<int>> SqliteTicketStore::open_counters(TimePoint since) {
    std::lock_guard lock(impl_->mutex);
    // queue_desk belongs to the counter desk and may not exist yet: then no counter is known.
    auto exists = impl_->prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_desk'",
                                 "open counters");
    if (!exists) return exists.error();
    auto found = exists->step();
    if (!found) return Impl::fail("open counters", found.error());
    if (!*found) return std::vector<int>{};
    auto st =
        impl_->prepare("SELECT counter FROM queue_desk WHERE office = ?1 AND paused = 0 AND since >= ?2 "
                       "ORDER BY counter",
                       "open counters");
    if (!st) return st.error();
    bind(*st, {impl_->options.office, to_unix_ms(since)});
    std::vector<int> out;
    for (;;) {
        auto row = st->step();
        if (!row) return Impl::fail("open counters", row.error());
        if (!*row) break;
        out.push_back(int(st->int64(0)));
    }
    return out;
}

} // namespace kiosk::store
