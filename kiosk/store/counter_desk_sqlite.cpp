// SQLite face of the counter desk: a SqlSession over the ticket database file (BEGIN IMMEDIATE takes the
// write lock up front, so two counters calling at once are ordered by SQLite and never pick the same ticket).
#include "kiosk/store/counter_desk_sql_impl.hpp"
#include "kiosk/store/sqlite_db.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

namespace kiosk::store {

namespace {

constexpr const char* kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS queue_flow (
  ticket_id INTEGER PRIMARY KEY, service TEXT NOT NULL, sort_key REAL NOT NULL, skipped_at INTEGER);
CREATE TABLE IF NOT EXISTS queue_event (
  id INTEGER PRIMARY KEY AUTOINCREMENT, office TEXT NOT NULL, day TEXT NOT NULL, ticket_id INTEGER,
  kind TEXT NOT NULL, counter INTEGER, at INTEGER NOT NULL, detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS queue_event_by_day ON queue_event (office, day, id);
CREATE TABLE IF NOT EXISTS queue_desk (
  office TEXT NOT NULL, counter INTEGER NOT NULL, paused INTEGER NOT NULL DEFAULT 0, current_ticket INTEGER,
  since INTEGER NOT NULL, PRIMARY KEY (office, counter));
CREATE TABLE IF NOT EXISTS queue_policy (
  office TEXT NOT NULL, day TEXT NOT NULL, regular_run INTEGER NOT NULL, PRIMARY KEY (office, day));
)sql";

Error as_store_error(const Error& e) {
    const char* kind = e.kind == sqlite::kErrBusy   ? queue::kErrBusy
                       : e.kind == sqlite::kErrOpen ? queue::kErrUnreachable
                                                    : queue::kErrStore;
    return make_error(kind, e.message);
}

class SqliteSession final : public SqlSession {
  public:
    explicit SqliteSession(sqlite::Db db) : db_(std::move(db)) {}

    Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params,
                                      int columns) override {
        if (params.empty() && columns == 0) { // schema scripts hold several statements
            if (auto st = db_.exec(sql); !st) return as_store_error(st.error());
            return std::vector<SqlRow>{};
        }
        auto st = db_.prepare(sql);
        if (!st) return as_store_error(st.error());
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (params[i])
                st->bind_text(static_cast<int>(i + 1), *params[i]);
            else
                st->bind_null(static_cast<int>(i + 1));
        }
        std::vector<SqlRow> rows;
        for (;;) {
            auto row = st->step();
            if (!row) return as_store_error(row.error());
            if (!*row) break;
            SqlRow r;
            for (int c = 0; c < columns; ++c)
                r.push_back(st->optional_text(c));
            rows.push_back(std::move(r));
        }
        return rows;
    }
    Status begin() override { return wrap(db_.exec("BEGIN IMMEDIATE")); }
    Status commit() override { return wrap(db_.exec("COMMIT")); }
    void rollback() override {
        if (db_.in_transaction()) (void)db_.exec("ROLLBACK");
    }
    [[nodiscard]] std::string lock_clause() const override { return ""; }
    [[nodiscard]] std::string notify_sql() const override { return ""; } // watchers poll PRAGMA data_version
    [[nodiscard]] std::string schema_sql() const override { return kSqliteSchema; }

  private:
    static Status wrap(Status st) {
        if (!st) return as_store_error(st.error());
        return st;
    }
    sqlite::Db db_;
};

} // namespace

Result<std::unique_ptr<queue::CounterDesk>> open_sqlite_counter_desk(const std::filesystem::path& path,
                                                                     const CounterDeskTarget& target,
                                                                     std::chrono::milliseconds busy_timeout) {
    { // the ticket tables first (created by the ticket store if this is a new file)
        SqliteTicketStoreOptions o;
        o.path = path;
        o.office = target.office;
        o.day_reset_minute = target.day_reset_minute;
        o.busy_timeout = busy_timeout;
        auto tickets = SqliteTicketStore::open(o);
        if (!tickets) return tickets.error();
    }
    sqlite::OpenOptions o;
    o.path = path;
    o.create_folder = true;
    o.journal = sqlite::Journal::wal;
    o.synchronous = sqlite::Synchronous::full;
    o.busy_timeout = busy_timeout;
    auto db = sqlite::Db::open(o);
    if (!db) return as_store_error(db.error());
    auto desk =
        std::make_unique<SqlCounterDesk>(std::make_unique<SqliteSession>(std::move(db).value()), target);
    if (auto st = desk->create_schema(); !st) return st.error();
    return std::unique_ptr<queue::CounterDesk>(std::move(desk));
}

} // namespace kiosk::store
