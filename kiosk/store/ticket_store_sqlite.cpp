#include "kiosk/store/ticket_store_sqlite.hpp"

#include "kiosk/core/queue/ticket_row.hpp"

#include <sqlite3.h>

#include <mutex>
#include <random>
#include <string_view>
#include <thread>
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

// One prepared statement; finalized on scope exit.
class Stmt {
  public:
    Stmt(sqlite3* db, std::string_view sql) : db_(db) {
        rc_ = sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &stmt_, nullptr);
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    [[nodiscard]] int prepare_rc() const { return rc_; }
    void bind(std::initializer_list<Value> values) {
        int i = 1;
        for (const auto& v : values) {
            if (std::holds_alternative<long long>(v))
                sqlite3_bind_int64(stmt_, i, std::get<long long>(v));
            else if (std::holds_alternative<std::string>(v)) {
                const auto& s = std::get<std::string>(v);
                sqlite3_bind_text(stmt_, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
            } else
                sqlite3_bind_null(stmt_, i);
            ++i;
        }
    }
    int step() { return sqlite3_step(stmt_); }
    [[nodiscard]] std::optional<std::string> text(int col) const {
        if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return std::string(p ? p : "", size_t(sqlite3_column_bytes(stmt_, col)));
    }
    [[nodiscard]] long long integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    [[nodiscard]] TicketRow row() const {
        TicketRow r;
        for (int i = 0; i < kTicketColumnCount; ++i)
            r[i] = text(i);
        return r;
    }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

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
    sqlite3* db = nullptr;
    std::mutex mutex; // one connection, used by one thread at a time

    ~Impl() {
        if (db) sqlite3_close_v2(db);
    }

    Error fail(const std::string& what, int rc) const {
        const int base = rc & 0xff;
        const char* kind = (base == SQLITE_BUSY || base == SQLITE_LOCKED) ? kErrBusy : kErrStore;
        return make_error(kind, what + " in " + options.path.string() + ": " + sqlite3_errstr(rc) + " (" +
                                    (db ? sqlite3_errmsg(db) : "no connection") + ")");
    }

    Status exec(const char* sql, const std::string& what) {
        char* msg = nullptr;
        int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
        std::string detail = msg ? msg : "";
        sqlite3_free(msg);
        if (rc != SQLITE_OK) return fail(what + " (" + detail + ")", rc);
        return Ok{};
    }

    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back if it fails.
    template <class F> auto transaction(const std::string& what, F&& body) -> decltype(body()) {
        if (auto st = exec("BEGIN IMMEDIATE", what + ": begin"); !st) return st.error();
        auto result = body();
        if (!result) {
            (void)exec("ROLLBACK", what + ": rollback");
            return result;
        }
        if (auto st = exec("COMMIT", what + ": commit"); !st) {
            (void)exec("ROLLBACK", what + ": rollback");
            return st.error();
        }
        return result;
    }

    Result<Ticket> one_ticket(std::string_view where, std::initializer_list<Value> args,
                              const std::string& what) {
        const std::string sql =
            std::string("SELECT ") + kTicketColumns + " FROM queue_ticket WHERE " + std::string(where);
        Stmt st(db, sql);
        if (st.prepare_rc() != SQLITE_OK) return fail(what + ": prepare", st.prepare_rc());
        st.bind(args);
        const int rc = st.step();
        if (rc == SQLITE_ROW) return ticket_from_row(st.row());
        if (rc == SQLITE_DONE) return make_error(kErrNotFound, what + ": no such ticket");
        return fail(what, rc);
    }

    Result<Ticket> by_id(std::int64_t id) {
        return one_ticket("id = ?1", {(long long)id}, "ticket " + std::to_string(id));
    }

    // An UPDATE ... RETURNING one ticket; if it touched no row, says whether the ticket is missing or in
    // the wrong state.
    Result<Ticket> update_one(const std::string& sql, std::initializer_list<Value> args, std::int64_t id,
                              const std::string& what) {
        Result<Ticket> out = make_error(kErrStore, "unset");
        {
            Stmt st(db, sql + " RETURNING " + kTicketColumns);
            if (st.prepare_rc() != SQLITE_OK) return fail(what + ": prepare", st.prepare_rc());
            st.bind(args);
            const int rc = st.step();
            if (rc == SQLITE_ROW)
                out = ticket_from_row(st.row());
            else if (rc != SQLITE_DONE)
                return fail(what, rc);
            else
                out = make_error(kErrNotFound, "");
            if (rc == SQLITE_ROW && st.step() != SQLITE_DONE) return fail(what + ": finish", SQLITE_ERROR);
        }
        if (out || out.error().kind != kErrNotFound) return out;
        auto current = by_id(id);
        if (!current) return current.error();
        return make_error(kErrBadState, what + ": ticket " + current->display + " (id " + std::to_string(id) +
                                            ") is " + std::string(to_string(current->state)));
    }
};

SqliteTicketStore::SqliteTicketStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteTicketStore::~SqliteTicketStore() = default;

Result<std::unique_ptr<SqliteTicketStore>> SqliteTicketStore::open(const SqliteTicketStoreOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (options.office.empty()) return make_error(kErrStore, "ticket store: office id is empty");
    std::error_code ec;
    if (options.path.has_parent_path()) std::filesystem::create_directories(options.path.parent_path(), ec);
    if (ec)
        return make_error(kErrUnreachable, "cannot create folder " + options.path.parent_path().string() +
                                               ": " + ec.message());
    int rc = sqlite3_open_v2(options.path.c_str(), &impl->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        auto e = impl->fail("cannot open ticket database", rc);
        e.kind = kErrUnreachable;
        return e;
    }
    sqlite3_busy_timeout(impl->db, int(options.busy_timeout.count()));
    // Switching to WAL needs a moment of exclusive access; several processes may start together.
    const auto deadline = std::chrono::steady_clock::now() + options.busy_timeout;
    for (;;) {
        auto st = impl->exec("PRAGMA journal_mode=WAL", "set WAL journal");
        if (st) break;
        if (st.error().kind != kErrBusy || std::chrono::steady_clock::now() > deadline) return st.error();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (auto st = impl->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", "set pragmas"); !st)
        return st.error();
    auto schema = impl->transaction("create schema", [&]() -> Status {
        Stmt v(impl->db, "PRAGMA user_version");
        if (v.step() != SQLITE_ROW) return impl->fail("read schema version", SQLITE_ERROR);
        const long long version = v.integer(0);
        if (version > kSchemaVersion)
            return make_error(kErrStore, "ticket database " + options.path.string() + " has schema version " +
                                             std::to_string(version) + ", newer than this program's " +
                                             std::to_string(kSchemaVersion));
        if (version == kSchemaVersion) return Ok{};
        if (auto st = impl->exec(kSchema, "create tables"); !st) return st;
        return impl->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(),
                          "set schema version");
    });
    if (!schema) return schema.error();
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
            Stmt st(impl_->db, "INSERT INTO queue_counter (office, service, day, series, last_number) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (office, service, day, series) "
                               "DO UPDATE SET last_number = last_number + 1 WHERE last_number < ?6 "
                               "RETURNING last_number");
            if (st.prepare_rc() != SQLITE_OK) return impl_->fail(what + ": prepare", st.prepare_rc());
            st.bind({office, service.code, day, series, start, end});
            const int rc = st.step();
            if (rc == SQLITE_DONE)
                return make_error(kErrRangeExhausted, "service '" + service.code +
                                                          "' has used every number " + std::to_string(start) +
                                                          ".." + std::to_string(end) + " of " + day);
            if (rc != SQLITE_ROW) return impl_->fail(what + ": advance counter", rc);
            number = st.integer(0);
            if (st.step() != SQLITE_DONE) return impl_->fail(what + ": advance counter", SQLITE_ERROR);
        }
        if (number > end)
            return make_error(kErrRangeExhausted, "service '" + service.code + "' range " +
                                                      std::to_string(start) + ".." + std::to_string(end) +
                                                      " is used up for " + day);
        Stmt st(impl_->db,
                std::string("INSERT INTO queue_ticket (office, service, day, series, number, display, "
                            "priority, state, issued_at, request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                            "'issued', ?8, ?9) RETURNING ") +
                    kTicketColumns);
        if (st.prepare_rc() != SQLITE_OK) return impl_->fail(what + ": prepare", st.prepare_rc());
        st.bind({office, service.code, day, series, number, display_text(prefix, int(number)),
                 std::string(to_string(priority)), to_unix_ms(now), random_request_id()});
        const int rc = st.step();
        if (rc != SQLITE_ROW) return impl_->fail(what + ": insert ticket", rc);
        auto ticket = ticket_from_row(st.row());
        if (st.step() != SQLITE_DONE) return impl_->fail(what + ": insert ticket", SQLITE_ERROR);
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
    Stmt st(impl_->db,
            std::string("UPDATE queue_ticket SET state = 'called', counter = ?1, called_at = ?2 "
                        "WHERE id = (SELECT id FROM queue_ticket WHERE office = ?3 AND day = ?4 AND "
                        "service = ?5 AND state IN ") +
                kWaiting + " ORDER BY series DESC, id LIMIT 1) RETURNING " + kTicketColumns);
    if (st.prepare_rc() != SQLITE_OK) return impl_->fail(what + ": prepare", st.prepare_rc());
    st.bind({(long long)counter, to_unix_ms(now), impl_->options.office, day, service});
    const int rc = st.step();
    if (rc == SQLITE_DONE) return std::optional<Ticket>{};
    if (rc != SQLITE_ROW) return impl_->fail(what, rc);
    auto t = ticket_from_row(st.row());
    if (st.step() != SQLITE_DONE) return impl_->fail(what + ": finish", SQLITE_ERROR);
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
    Stmt st(impl_->db, std::string("SELECT ") + kTicketColumns +
                           " FROM queue_ticket WHERE office = ?1 AND day = ?2 ORDER BY id");
    if (st.prepare_rc() != SQLITE_OK) return impl_->fail("list: prepare", st.prepare_rc());
    st.bind({impl_->options.office, day.iso});
    std::vector<Ticket> out;
    for (;;) {
        const int rc = st.step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return impl_->fail("list " + day.iso, rc);
        auto t = ticket_from_row(st.row());
        if (!t) return t.error();
        out.push_back(std::move(t).value());
    }
    return out;
}

Result<int> SqliteTicketStore::ahead_of(const Ticket& ticket) {
    std::lock_guard lock(impl_->mutex);
    Stmt st(impl_->db,
            std::string("SELECT count(*) FROM queue_ticket WHERE office = ?1 AND day = ?2 AND service = ?3 "
                        "AND state IN ") +
                kWaiting + " AND (series > ?4 OR (series = ?4 AND id < ?5))");
    if (st.prepare_rc() != SQLITE_OK) return impl_->fail("ahead of: prepare", st.prepare_rc());
    st.bind({ticket.office, ticket.day.iso, ticket.service, (long long)(ticket.is_priority() ? 1 : 0),
             (long long)ticket.id});
    const int rc = st.step();
    if (rc != SQLITE_ROW) return impl_->fail("ahead of " + ticket.display, rc);
    return int(st.integer(0));
}

Result<std::vector<std::chrono::milliseconds>> SqliteTicketStore::service_times(const std::string& service,
                                                                                const OfficeDay& day) {
    std::lock_guard lock(impl_->mutex);
    Stmt st(impl_->db,
            "SELECT served_at - called_at FROM queue_ticket WHERE office = ?1 AND day = ?2 AND service = "
            "?3 AND state = 'served' AND called_at IS NOT NULL AND served_at IS NOT NULL");
    if (st.prepare_rc() != SQLITE_OK) return impl_->fail("service times: prepare", st.prepare_rc());
    st.bind({impl_->options.office, day.iso, service});
    std::vector<std::chrono::milliseconds> out;
    for (;;) {
        const int rc = st.step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return impl_->fail("service times " + service, rc);
        out.emplace_back(st.integer(0));
    }
    return out;
}

} // namespace kiosk::store
