#include "kiosk/store/ticket_store_pg.hpp"

#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/core/queue/ticket_row.hpp"

#include <libpq-fe.h>

#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace kiosk::store {

using namespace kiosk::queue;

namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
BEGIN;
SELECT pg_advisory_xact_lock(727172001);
CREATE TABLE IF NOT EXISTS queue_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS queue_counter (
  office text NOT NULL, service text NOT NULL, day text NOT NULL, series smallint NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (office, service, day, series));
CREATE TABLE IF NOT EXISTS queue_ticket (
  id bigserial PRIMARY KEY,
  office text NOT NULL, service text NOT NULL, day text NOT NULL, series smallint NOT NULL,
  number integer NOT NULL, display text NOT NULL, priority text NOT NULL, state text NOT NULL,
  issued_at bigint NOT NULL, printed_at bigint, called_at bigint, served_at bigint, voided_at bigint,
  counter integer, note text NOT NULL DEFAULT '', request_id text UNIQUE,
  check_code text NOT NULL DEFAULT '',
  UNIQUE (office, service, day, series, number));
CREATE INDEX IF NOT EXISTS queue_ticket_by_day ON queue_ticket (office, day, service, state);
INSERT INTO queue_meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING;
-- Older databases get the column once. Only then: ALTER TABLE takes an exclusive table lock even with IF NOT
-- EXISTS, which deadlocks with counters already calling tickets when several processes open the store at once.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                 AND table_name = 'queue_ticket' AND column_name = 'check_code') THEN
    ALTER TABLE queue_ticket ADD COLUMN check_code text NOT NULL DEFAULT '';
  END IF;
END $$;
COMMIT;
)sql";

constexpr const char* kWaiting = "('issued','printed','print_failed')";

using Param = std::optional<std::string>;

struct PgResultPtr {
    PGresult* r = nullptr;
    explicit PgResultPtr(PGresult* res) : r(res) {}
    PgResultPtr(PgResultPtr&& o) noexcept : r(std::exchange(o.r, nullptr)) {}
    PgResultPtr& operator=(PgResultPtr&& o) noexcept {
        std::swap(r, o.r);
        return *this;
    }
    ~PgResultPtr() {
        if (r) PQclear(r);
    }
    [[nodiscard]] int rows() const { return PQntuples(r); }
    [[nodiscard]] std::optional<std::string> value(int row, int col) const {
        if (PQgetisnull(r, row, col)) return std::nullopt;
        return std::string(PQgetvalue(r, row, col), size_t(PQgetlength(r, row, col)));
    }
    [[nodiscard]] TicketRow ticket_row(int row) const {
        TicketRow t;
        for (int i = 0; i < kTicketColumnCount; ++i)
            t[i] = value(row, i);
        return t;
    }
};

std::string random_request_id() {
    std::random_device rd;
    std::mt19937_64 gen((uint64_t(rd()) << 32) ^ rd());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", (unsigned long long)gen(), (unsigned long long)gen());
    return buf;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// Where the DSN points, for error messages (never the password).
std::string describe_target(const std::string& dsn) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(dsn.c_str(), &err);
    if (!opts) {
        std::string msg = err ? trim(err) : "unparsable";
        PQfreemem(err);
        return "invalid DSN (" + msg + ")";
    }
    std::string out;
    for (auto* o = opts; o->keyword; ++o) {
        if (!o->val || !*o->val) continue;
        const std::string k = o->keyword;
        if (k == "host" || k == "hostaddr" || k == "port" || k == "dbname" || k == "user")
            out += (out.empty() ? "" : " ") + k + "=" + o->val;
    }
    PQconninfoFree(opts);
    return out.empty() ? "default server" : out;
}

} // namespace

struct PgTicketStore::Impl {
    PgTicketStoreOptions options;
    PGconn* conn = nullptr;
    std::mutex mutex; // one connection, one statement at a time

    ~Impl() {
        if (conn) PQfinish(conn);
    }

    struct Failure {
        Error error;
        bool retry = false; // the connection broke or the server asked to retry
    };
    using QueryResult = std::variant<PgResultPtr, Failure>;

    Status connect() {
        if (conn && PQstatus(conn) == CONNECTION_OK) return Ok{};
        if (conn) {
            PQfinish(conn);
            conn = nullptr;
        }
        const std::string timeout = std::to_string(options.connect_timeout_s);
        const std::string pg_options = "-c client_min_messages=warning -c statement_timeout=" +
                                       std::to_string(options.statement_timeout_ms);
        // Later keywords win, so the DSN (expanded from dbname) overrides these defaults.
        const char* keys[] = {"connect_timeout", "options", "application_name", "dbname", nullptr};
        const char* values[] = {timeout.c_str(), pg_options.c_str(), "motcua-kiosk", options.dsn.c_str(),
                                nullptr};
        conn = PQconnectdbParams(keys, values, 1);
        if (!conn || PQstatus(conn) != CONNECTION_OK) {
            std::string detail = conn ? trim(PQerrorMessage(conn)) : "out of memory";
            if (conn) PQfinish(conn);
            conn = nullptr;
            return make_error(kErrUnreachable, "cannot connect to PostgreSQL (" +
                                                   describe_target(options.dsn) + "): " + detail);
        }
        return Ok{};
    }

    QueryResult query(const std::string& sql, const std::vector<Param>& params, const std::string& what) {
        std::vector<const char*> values;
        for (const auto& p : params)
            values.push_back(p ? p->c_str() : nullptr);
        PgResultPtr res(
            PQexecParams(conn, sql.c_str(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
        const auto status = res.r ? PQresultStatus(res.r) : PGRES_FATAL_ERROR;
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return res;
        const char* state = res.r ? PQresultErrorField(res.r, PG_DIAG_SQLSTATE) : nullptr;
        const std::string sqlstate = state ? state : "";
        const bool broken = PQstatus(conn) != CONNECTION_OK;
        const bool transient = sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01" || sqlstate == "57P02" ||
                               sqlstate == "57P03" || sqlstate == "40001" || sqlstate == "40P01";
        std::string detail = res.r ? trim(PQresultErrorMessage(res.r)) : trim(PQerrorMessage(conn));
        if (detail.empty()) detail = trim(PQerrorMessage(conn));
        const char* kind = broken || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P0", 0) == 0
                               ? kErrUnreachable
                           : sqlstate == "57014" ? kErrBusy
                                                 : kErrStore;
        return Failure{make_error(kind, what + " on PostgreSQL (" + describe_target(options.dsn) +
                                            "): " + (sqlstate.empty() ? "" : "[" + sqlstate + "] ") + detail),
                       broken || transient};
    }

    // Runs `attempt(sent_before)` up to max_attempts times, reconnecting in between. `attempt` returns
    // either a value or a Failure; non-idempotent callers use `sent_before` to check what already happened.
    template <class T, class F> Result<T> with_retry(const std::string& what, bool idempotent, F&& attempt) {
        std::optional<Error> last;
        bool sent_before = false;
        const int attempts = std::max(1, options.max_attempts);
        for (int i = 0; i < attempts; ++i) {
            if (i > 0) std::this_thread::sleep_for(options.retry_delay * i);
            if (auto st = connect(); !st) {
                last = st.error();
                continue;
            }
            std::variant<T, Failure> r = attempt(sent_before);
            if (r.index() == 0) return std::get<0>(std::move(r));
            auto& f = std::get<1>(r);
            sent_before = true;
            if (!f.retry) return f.error;
            last = f.error;
            if (!idempotent) {
                last->message += " (outcome unknown; not retried)";
                return *last;
            }
        }
        Error e = last.value_or(make_error(kErrUnreachable, what + ": no attempt made"));
        e.message += " [after " + std::to_string(attempts) + " attempts]";
        return e;
    }

    std::variant<Ticket, Failure> one_ticket(const std::string& where, const std::vector<Param>& params,
                                             const std::string& what) {
        auto r = query(std::string("SELECT ") + kTicketColumns + " FROM queue_ticket WHERE " + where, params,
                       what);
        if (r.index() == 1) return std::get<1>(std::move(r));
        auto& res = std::get<0>(r);
        if (res.rows() == 0) return Failure{make_error(kErrNotFound, what + ": no such ticket"), false};
        auto t = ticket_from_row(res.ticket_row(0));
        if (!t) return Failure{t.error(), false};
        return std::move(t).value();
    }

    // UPDATE ... RETURNING one ticket; no row → says whether the ticket is missing or in the wrong state.
    std::variant<Ticket, Failure> update_one(const std::string& sql, const std::vector<Param>& params,
                                             std::int64_t id, const std::string& what) {
        auto r = query(sql + " RETURNING " + kTicketColumns, params, what);
        if (r.index() == 1) return std::get<1>(std::move(r));
        auto& res = std::get<0>(r);
        if (res.rows() > 0) {
            auto t = ticket_from_row(res.ticket_row(0));
            if (!t) return Failure{t.error(), false};
            return std::move(t).value();
        }
        auto current =
            one_ticket("id = $1::bigint", {std::to_string(id)}, what + ": ticket " + std::to_string(id));
        if (current.index() == 1) return current;
        const auto& c = std::get<0>(current);
        return Failure{make_error(kErrBadState, what + ": ticket " + c.display + " (id " +
                                                    std::to_string(id) + ") is " +
                                                    std::string(to_string(c.state))),
                       false};
    }
};

PgTicketStore::PgTicketStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgTicketStore::~PgTicketStore() = default;

Result<std::unique_ptr<PgTicketStore>> PgTicketStore::open(const PgTicketStoreOptions& options) {
    if (options.office.empty()) return make_error(kErrStore, "ticket store: office id is empty");
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    auto version = impl->with_retry<long long>(
        "create schema", true, [&](bool) -> std::variant<long long, Impl::Failure> {
            PgResultPtr res(PQexec(impl->conn, kSchema));
            const auto status = res.r ? PQresultStatus(res.r) : PGRES_FATAL_ERROR;
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
                const bool broken = PQstatus(impl->conn) != CONNECTION_OK;
                return Impl::Failure{make_error(broken ? kErrUnreachable : kErrStore,
                                                "create ticket schema on PostgreSQL (" +
                                                    describe_target(options.dsn) +
                                                    "): " + trim(PQerrorMessage(impl->conn))),
                                     broken};
            }
            auto r = impl->query("SELECT value FROM queue_meta WHERE key = 'schema_version'", {},
                                 "schema version");
            if (r.index() == 1) return std::get<1>(std::move(r));
            auto& v = std::get<0>(r);
            return v.rows() ? std::atoll(v.value(0, 0).value_or("0").c_str()) : 0LL;
        });
    if (!version) return version.error();
    if (*version != kSchemaVersion)
        return make_error(kErrStore, "ticket schema version on PostgreSQL (" + describe_target(options.dsn) +
                                         ") is " + std::to_string(*version) + ", this program needs " +
                                         std::to_string(kSchemaVersion));
    return std::unique_ptr<PgTicketStore>(new PgTicketStore(std::move(impl)));
}

OfficeDay PgTicketStore::day_of(TimePoint now) const {
    return office_day(now, impl_->options.day_reset_minute);
}

Result<Ticket> PgTicketStore::issue(const Service& service, PriorityKind priority, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    const bool prio = priority != PriorityKind::none;
    const int start = prio ? service.priority_range_start : service.range_start;
    const int end = prio ? service.priority_range_end : service.range_end;
    const std::string day = day_of(now).iso;
    const std::string request_id = random_request_id();
    const std::string what = "issue " + service.code + " " + day;
    // One statement (atomic): advance the counter unless at the range end, insert the ticket with it.
    static const std::string sql =
        std::string(
            "WITH c AS (INSERT INTO queue_counter (office, service, day, series, last_number) "
            "VALUES ($1::text, $2::text, $3::text, $4::smallint, $5::integer) "
            "ON CONFLICT (office, service, day, series) DO UPDATE "
            "SET last_number = queue_counter.last_number + 1 WHERE queue_counter.last_number < $6::integer "
            "RETURNING last_number) "
            "INSERT INTO queue_ticket (office, service, day, series, number, display, priority, state, "
            "issued_at, request_id, check_code) "
            "SELECT $1::text, $2::text, $3::text, $4::smallint, c.last_number, $7::text || CASE WHEN "
            "c.last_number < 1000 THEN lpad(c.last_number::text, 3, '0') ELSE c.last_number::text END, "
            "$8::text, 'issued', $9::bigint, $10::text, $11::text FROM c WHERE c.last_number <= $6::integer "
            "RETURNING ") +
        kTicketColumns;
    const std::vector<Param> params{impl_->options.office,
                                    service.code,
                                    day,
                                    std::to_string(prio ? 1 : 0),
                                    std::to_string(start),
                                    std::to_string(end),
                                    prio ? service.priority_prefix : service.prefix,
                                    std::string(to_string(priority)),
                                    std::to_string(to_unix_ms(now)),
                                    request_id,
                                    random_check_value()};
    return impl_->with_retry<Ticket>(
        what, true, [&](bool sent_before) -> std::variant<Ticket, Impl::Failure> {
            if (sent_before) {
                // The last attempt may have committed before the connection broke.
                auto found =
                    impl_->one_ticket("request_id = $1::text", {request_id}, what + ": look up request");
                if (found.index() == 0 || std::get<1>(found).error.kind != kErrNotFound) return found;
            }
            auto r = impl_->query(sql, params, what);
            if (r.index() == 1) return std::get<1>(std::move(r));
            auto& res = std::get<0>(r);
            if (res.rows() == 0)
                return Impl::Failure{make_error(kErrRangeExhausted, "service '" + service.code +
                                                                        "' has used every number " +
                                                                        std::to_string(start) + ".." +
                                                                        std::to_string(end) + " of " + day),
                                     false};
            auto t = ticket_from_row(res.ticket_row(0));
            if (!t) return Impl::Failure{t.error(), false};
            return std::move(t).value();
        });
}

Status PgTicketStore::mark_printed(std::int64_t id, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    auto r = impl_->with_retry<Ticket>("mark printed", true, [&](bool) {
        return impl_->update_one(
            "UPDATE queue_ticket SET printed_at = $1::bigint, note = '', state = CASE WHEN state "
            "IN ('issued','print_failed') THEN 'printed' ELSE state END WHERE id = $2::bigint "
            "AND state <> 'voided'",
            {std::to_string(to_unix_ms(now)), std::to_string(id)}, id, "mark printed");
    });
    if (!r) return r.error();
    return Ok{};
}

Status PgTicketStore::mark_print_failed(std::int64_t id, const std::string& reason, TimePoint) {
    std::lock_guard lock(impl_->mutex);
    auto r = impl_->with_retry<Ticket>("mark print failed", true, [&](bool) {
        return impl_->update_one(
            "UPDATE queue_ticket SET note = $1::text, state = CASE WHEN state = 'issued' THEN "
            "'print_failed' ELSE state END WHERE id = $2::bigint AND state <> 'voided'",
            {reason, std::to_string(id)}, id, "mark print failed");
    });
    if (!r) return r.error();
    return Ok{};
}

Status PgTicketStore::void_ticket(std::int64_t id, const std::string& reason, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    auto r = impl_->with_retry<Ticket>("void", true, [&](bool) {
        return impl_->update_one(
            "UPDATE queue_ticket SET state = 'voided', voided_at = $1::bigint, note = $2::text "
            "WHERE id = $3::bigint AND state NOT IN ('served','voided')",
            {std::to_string(to_unix_ms(now)), reason, std::to_string(id)}, id, "void");
    });
    if (!r) return r.error();
    return Ok{};
}

Result<std::optional<Ticket>> PgTicketStore::call_next(const std::string& service, int counter,
                                                       TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    const std::string what = "call next " + service;
    const std::string sql =
        std::string("UPDATE queue_ticket SET state = 'called', counter = $1::integer, called_at = "
                    "$2::bigint WHERE state IN ") +
        kWaiting +
        " AND id = (SELECT id FROM queue_ticket WHERE office = $3::text AND day = $4::text AND "
        "service = $5::text AND state IN " +
        kWaiting + " ORDER BY series DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + kTicketColumns;
    // Not idempotent: a retry after the statement was sent could call a second citizen.
    return impl_->with_retry<std::optional<Ticket>>(
        what, false, [&](bool) -> std::variant<std::optional<Ticket>, Impl::Failure> {
            auto r = impl_->query(sql,
                                  {std::to_string(counter), std::to_string(to_unix_ms(now)),
                                   impl_->options.office, day_of(now).iso, service},
                                  what);
            if (r.index() == 1) return std::get<1>(std::move(r));
            auto& res = std::get<0>(r);
            if (res.rows() == 0) return std::optional<Ticket>{};
            auto t = ticket_from_row(res.ticket_row(0));
            if (!t) return Impl::Failure{t.error(), false};
            return std::optional<Ticket>(std::move(t).value());
        });
}

Result<Ticket> PgTicketStore::done(std::int64_t id, TimePoint now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->with_retry<Ticket>("done", false, [&](bool) {
        return impl_->update_one(
            "UPDATE queue_ticket SET state = 'served', served_at = $1::bigint WHERE id = "
            "$2::bigint AND state = 'called'",
            {std::to_string(to_unix_ms(now)), std::to_string(id)}, id, "done");
    });
}

Result<Ticket> PgTicketStore::get(std::int64_t id) {
    std::lock_guard lock(impl_->mutex);
    return impl_->with_retry<Ticket>("get", true, [&](bool) {
        return impl_->one_ticket("id = $1::bigint", {std::to_string(id)}, "ticket " + std::to_string(id));
    });
}

Result<Ticket> PgTicketStore::find(const OfficeDay& day, const std::string& display) {
    std::lock_guard lock(impl_->mutex);
    return impl_->with_retry<Ticket>("find", true, [&](bool) {
        return impl_->one_ticket("office = $1::text AND day = $2::text AND display = $3::text",
                                 {impl_->options.office, day.iso, display},
                                 "ticket " + display + " of " + day.iso);
    });
}

Result<std::vector<Ticket>> PgTicketStore::list(const OfficeDay& day) {
    std::lock_guard lock(impl_->mutex);
    return impl_->with_retry<std::vector<Ticket>>(
        "list", true, [&](bool) -> std::variant<std::vector<Ticket>, Impl::Failure> {
            auto r =
                impl_->query(std::string("SELECT ") + kTicketColumns +
                                 " FROM queue_ticket WHERE office = $1::text AND day = $2::text ORDER BY id",
                             {impl_->options.office, day.iso}, "list " + day.iso);
            if (r.index() == 1) return std::get<1>(std::move(r));
            auto& res = std::get<0>(r);
            std::vector<Ticket> out;
            for (int i = 0; i < res.rows(); ++i) {
                auto t = ticket_from_row(res.ticket_row(i));
                if (!t) return Impl::Failure{t.error(), false};
                out.push_back(std::move(t).value());
            }
            return out;
        });
}

Result<int> PgTicketStore::ahead_of(const Ticket& ticket) {
    std::lock_guard lock(impl_->mutex);
    return impl_->with_retry<int>("ahead of", true, [&](bool) -> std::variant<int, Impl::Failure> {
        auto r = impl_->query(
            std::string("SELECT count(*) FROM queue_ticket WHERE office = $1::text AND day = "
                        "$2::text AND service = $3::text AND state IN ") +
                kWaiting + " AND (series > $4::smallint OR (series = $4::smallint AND id < $5::bigint))",
            {ticket.office, ticket.day.iso, ticket.service, std::to_string(ticket.is_priority() ? 1 : 0),
             std::to_string(ticket.id)},
            "ahead of " + ticket.display);
        if (r.index() == 1) return std::get<1>(std::move(r));
        return std::atoi(std::get<0>(r).value(0, 0).value_or("0").c_str());
    });
}

Result<std::vector<std::chrono::milliseconds>> PgTicketStore::service_times(const std::string& service,
                                                                            const OfficeDay& day) {
    std::lock_guard lock(impl_->mutex);
    using Out = std::vector<std::chrono::milliseconds>;
    return impl_->with_retry<Out>("service times", true, [&](bool) -> std::variant<Out, Impl::Failure> {
        auto r =
            impl_->query("SELECT served_at - called_at FROM queue_ticket WHERE office = $1::text AND day = "
                         "$2::text AND service = $3::text AND state = 'served' AND called_at IS NOT NULL AND "
                         "served_at IS NOT NULL",
                         {impl_->options.office, day.iso, service}, "service times " + service);
        if (r.index() == 1) return std::get<1>(std::move(r));
        auto& res = std::get<0>(r);
        Out out;
        for (int i = 0; i < res.rows(); ++i)
            out.emplace_back(std::atoll(res.value(i, 0).value_or("0").c_str()));
        return out;
    });
}

Result<std::vector<int>> PgTicketStore::open_counters(TimePoint since) {
    std::lock_guard lock(impl_->mutex);
    using Out = std::vector<int>;
    return impl_->with_retry<Out>("open counters", true, [&](bool) -> std::variant<Out, Impl::Failure> {
        // queue_desk belongs to the counter desk and may not exist yet: then no counter is known.
        auto r =
            impl_->query("SELECT counter FROM queue_desk WHERE to_regclass('queue_desk') IS NOT NULL AND "
                         "office = $1::text AND paused = 0 AND since >= $2::bigint ORDER BY counter",
                         {impl_->options.office, std::to_string(to_unix_ms(since))}, "open counters");
        if (r.index() == 1) {
            if (std::get<1>(r).error.message.find("queue_desk") != std::string::npos) return Out{};
            return std::get<1>(std::move(r));
        }
        auto& res = std::get<0>(r);
        Out out;
        for (int i = 0; i < res.rows(); ++i)
            out.push_back(std::atoi(res.value(i, 0).value_or("0").c_str()));
        return out;
    });
}

} // namespace kiosk::store
