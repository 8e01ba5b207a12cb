// PostgreSQL face of the counter desk: a SqlSession on its own libpq connection. Counters calling at once
// lock the chosen ticket row with SELECT … FOR UPDATE SKIP LOCKED, so each takes a different ticket without
// waiting for the other; every change ends with pg_notify('motcua_queue', office) in the same transaction,
// which wakes displays and kiosks listening on that channel when it commits.
#include "kiosk/store/counter_desk_sql_impl.hpp"
#include "kiosk/store/ticket_store_pg.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace kiosk::store {

namespace {

constexpr const char* kPgSchema = R"sql(
SELECT pg_advisory_xact_lock(727172011);
CREATE TABLE IF NOT EXISTS queue_flow (
  ticket_id bigint PRIMARY KEY, service text NOT NULL, sort_key double precision NOT NULL, skipped_at bigint);
CREATE TABLE IF NOT EXISTS queue_event (
  id bigserial PRIMARY KEY, office text NOT NULL, day text NOT NULL, ticket_id bigint,
  kind text NOT NULL, counter integer, at bigint NOT NULL, detail text NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS queue_event_by_day ON queue_event (office, day, id);
CREATE TABLE IF NOT EXISTS queue_desk (
  office text NOT NULL, counter integer NOT NULL, paused integer NOT NULL DEFAULT 0, current_ticket bigint,
  since bigint NOT NULL, PRIMARY KEY (office, counter));
CREATE TABLE IF NOT EXISTS queue_policy (
  office text NOT NULL, day text NOT NULL, regular_run integer NOT NULL, PRIMARY KEY (office, day));
)sql";

// "?12" → "$12" (the desk's SQL has no question marks inside string literals).
std::string pg_placeholders(const std::string& sql) {
    std::string out = sql;
    for (auto& c : out)
        if (c == '?') c = '$';
    return out;
}

std::string trimmed(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

class PgSession final : public SqlSession {
  public:
    PgSession(std::string dsn, int connect_timeout_s) : dsn_(std::move(dsn)), timeout_(connect_timeout_s) {}
    ~PgSession() override {
        if (conn_) PQfinish(conn_);
    }
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    Status connect() {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK) return Ok{};
        if (conn_) PQfinish(conn_);
        const std::string timeout = std::to_string(timeout_);
        const char* keys[] = {"connect_timeout", "options", "application_name", "dbname", nullptr};
        const char* values[] = {timeout.c_str(), "-c client_min_messages=warning -c statement_timeout=10000",
                                "motcua-counter", dsn_.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            const std::string detail = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
            if (conn_) PQfinish(conn_);
            conn_ = nullptr;
            return make_error(queue::kErrUnreachable, "cannot connect to PostgreSQL: " + detail);
        }
        return Ok{};
    }

    Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params,
                                      int columns) override {
        if (auto st = connect(); !st) return st.error();
        PGresult* res = nullptr;
        if (params.empty()) {
            res = PQexec(conn_, pg_placeholders(sql).c_str());
        } else {
            std::vector<const char*> values;
            for (const auto& p : params)
                values.push_back(p ? p->c_str() : nullptr);
            res = PQexecParams(conn_, pg_placeholders(sql).c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
        }
        const auto status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
            const std::string code = state ? state : "";
            const std::string message = trimmed(PQresultErrorMessage(res));
            PQclear(res);
            // Serialization failures, deadlocks and lock timeouts may succeed when retried.
            const bool retry = code == "40001" || code == "40P01" || code == "55P03";
            const bool broken = PQstatus(conn_) != CONNECTION_OK;
            return make_error(retry    ? queue::kErrBusy
                              : broken ? queue::kErrUnreachable
                                       : queue::kErrStore,
                              message + " [" + code + "]");
        }
        std::vector<SqlRow> rows;
        for (int r = 0; r < PQntuples(res); ++r) {
            SqlRow row;
            for (int c = 0; c < columns && c < PQnfields(res); ++c)
                row.push_back(PQgetisnull(res, r, c)
                                  ? SqlValue{}
                                  : SqlValue(std::string(PQgetvalue(res, r, c),
                                                         static_cast<std::size_t>(PQgetlength(res, r, c)))));
            rows.push_back(std::move(row));
        }
        PQclear(res);
        return rows;
    }
    Status begin() override {
        auto r = query("BEGIN", {}, 0);
        if (!r) return r.error();
        return Ok{};
    }
    Status commit() override {
        auto r = query("COMMIT", {}, 0);
        if (!r) return r.error();
        return Ok{};
    }
    void rollback() override {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE)
            PQclear(PQexec(conn_, "ROLLBACK"));
    }
    [[nodiscard]] std::string lock_clause() const override { return " FOR UPDATE OF t SKIP LOCKED"; }
    [[nodiscard]] std::string notify_sql() const override { return "SELECT pg_notify('motcua_queue', ?1)"; }
    [[nodiscard]] std::string schema_sql() const override { return kPgSchema; }

  private:
    std::string dsn_;
    int timeout_;
    PGconn* conn_ = nullptr;
};

} // namespace

Result<std::unique_ptr<queue::CounterDesk>>
open_pg_counter_desk(const std::string& dsn, const CounterDeskTarget& target, int connect_timeout_s) {
    { // the ticket tables first
        PgTicketStoreOptions o;
        o.dsn = dsn;
        o.office = target.office;
        o.day_reset_minute = target.day_reset_minute;
        o.connect_timeout_s = connect_timeout_s;
        auto tickets = PgTicketStore::open(o);
        if (!tickets) return tickets.error();
    }
    auto session = std::make_unique<PgSession>(dsn, connect_timeout_s);
    if (auto st = session->connect(); !st) return st.error();
    auto desk = std::make_unique<SqlCounterDesk>(std::move(session), target);
    if (auto st = desk->create_schema(); !st) return st.error();
    return std::unique_ptr<queue::CounterDesk>(std::move(desk));
}

} // namespace kiosk::store
