#include "kiosk/store/rating_stats_pg.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace kiosk::store {

using namespace kiosk::queue;

namespace {

constexpr const char* kSchema = R"sql(
BEGIN;
SELECT pg_advisory_xact_lock(727172013);
CREATE TABLE IF NOT EXISTS queue_rating (
  ticket_id bigint PRIMARY KEY, office text NOT NULL, service text NOT NULL, day text NOT NULL,
  counter integer, level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  reasons integer NOT NULL DEFAULT 0, rated_at bigint NOT NULL);
CREATE INDEX IF NOT EXISTS queue_rating_by_day ON queue_rating (office, day);
COMMIT;
)sql";

// Ratings are read apart and matched by ticket id (cheaper than a join per ticket on a year). Values come in
// binary (network byte order): no text formatting on the server or parsing here for 150,000 rows.
constexpr const char* kFacts =
    "SELECT t.id, t.service, coalesce(t.counter, 0)::int8, t.issued_at, t.state, "
    "(t.printed_at IS NULL AND t.state <> 'voided' AND t.note <> '')::int::int8, t.called_at - t.issued_at, "
    "t.served_at - t.called_at FROM queue_ticket t "
    "WHERE t.office = $1::text AND t.day BETWEEN $2::text AND $3::text AND ($4::text = '' OR t.service = "
    "$4::text)";
constexpr const char* kRatings =
    "SELECT ticket_id, level::int8 FROM queue_rating WHERE office = $1::text AND day BETWEEN $2::text AND "
    "$3::text AND ($4::text = '' OR service = $4::text)";

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

struct PgResult {
    PGresult* r = nullptr;
    explicit PgResult(PGresult* res) : r(res) {}
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult() {
        if (r) PQclear(r);
    }
    [[nodiscard]] bool ok() const {
        auto s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        return s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK;
    }
    [[nodiscard]] bool null(int row, int col) const { return PQgetisnull(r, row, col) != 0; }
    [[nodiscard]] std::string_view text(int row, int col) const {
        return {PQgetvalue(r, row, col), static_cast<std::size_t>(PQgetlength(r, row, col))};
    }
    // An int8 column of a binary result.
    [[nodiscard]] long long int8(int row, int col) const {
        const auto* p = reinterpret_cast<const unsigned char*>(PQgetvalue(r, row, col));
        unsigned long long v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | p[i];
        return static_cast<long long>(v);
    }
    [[nodiscard]] long long integer(int row, int col) const {
        long long v = 0;
        auto t = text(row, col);
        std::from_chars(t.data(), t.data() + t.size(), v);
        return v;
    }
};

} // namespace

struct PgRatingStats::Impl {
    PgRatingStatsOptions options;
    PGconn* conn = nullptr;
    std::mutex mutex;

    ~Impl() {
        if (conn) PQfinish(conn);
    }

    Status connect() {
        if (conn && PQstatus(conn) == CONNECTION_OK) return Ok{};
        if (conn) PQfinish(conn);
        const std::string timeout = std::to_string(options.connect_timeout_s);
        const std::string pg_options = "-c client_min_messages=warning -c statement_timeout=" +
                                       std::to_string(options.statement_timeout_ms);
        const char* keys[] = {"connect_timeout", "options", "application_name", "dbname", nullptr};
        const char* values[] = {timeout.c_str(), pg_options.c_str(), "motcua-kiosk-report",
                                options.dsn.c_str(), nullptr};
        conn = PQconnectdbParams(keys, values, 1);
        if (!conn || PQstatus(conn) != CONNECTION_OK) {
            std::string detail = conn ? trim(PQerrorMessage(conn)) : "out of memory";
            if (conn) PQfinish(conn);
            conn = nullptr;
            return make_error(kErrUnreachable, "cannot connect to PostgreSQL for ratings: " + detail);
        }
        return Ok{};
    }

    // Runs one statement; a broken connection is reconnected and the statement tried once more (every
    // statement here is idempotent: reads, or an insert that does nothing the second time).
    Result<std::unique_ptr<PgResult>> run(const char* sql,
                                          const std::vector<std::optional<std::string>>& params,
                                          const std::string& what, int result_format = 0) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (auto st = connect(); !st) return st.error();
            std::vector<const char*> values;
            for (const auto& p : params)
                values.push_back(p ? p->c_str() : nullptr);
            auto res =
                std::make_unique<PgResult>(PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr,
                                                        values.data(), nullptr, nullptr, result_format));
            if (res->ok()) return res;
            const bool broken = PQstatus(conn) != CONNECTION_OK;
            std::string detail = trim(res->r ? PQresultErrorMessage(res->r) : PQerrorMessage(conn));
            if (!broken || attempt == 1)
                return make_error(broken ? kErrUnreachable : kErrStore, what + " on PostgreSQL: " + detail);
        }
        return make_error(kErrUnreachable, what + ": no attempt made");
    }
};

PgRatingStats::PgRatingStats(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgRatingStats::~PgRatingStats() = default;

Result<std::unique_ptr<PgRatingStats>> PgRatingStats::open(const PgRatingStatsOptions& options) {
    if (options.office.empty()) return make_error(kErrStore, "rating store: office id is empty");
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (auto st = impl->connect(); !st) return st.error();
    PgResult res(PQexec(impl->conn, kSchema));
    if (!res.ok())
        return make_error(kErrStore,
                          "create the rating table on PostgreSQL: " + trim(PQerrorMessage(impl->conn)));
    return std::unique_ptr<PgRatingStats>(new PgRatingStats(std::move(impl)));
}

Status PgRatingStats::add(const Rating& r) {
    std::lock_guard lock(impl_->mutex);
    const std::string what = "record rating of ticket " + std::to_string(r.ticket_id);
    auto res =
        impl_->run("INSERT INTO queue_rating (ticket_id, office, service, day, counter, level, reasons, "
                   "rated_at) VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::integer, "
                   "$6::smallint, $7::integer, $8::bigint) ON CONFLICT (ticket_id) DO NOTHING "
                   "RETURNING ticket_id",
                   {std::to_string(r.ticket_id), impl_->options.office, r.service, r.day.iso,
                    r.counter ? std::optional<std::string>(std::to_string(*r.counter)) : std::nullopt,
                    std::to_string(static_cast<int>(r.level)), std::to_string(r.reasons),
                    std::to_string(to_unix_ms(r.rated_at))},
                   what);
    if (!res) return res.error();
    // A retry after a lost answer finds its own earlier insert: that is "already rated" too, and harmless.
    if (PQntuples((*res)->r) == 0) return make_error(kErrAlreadyRated, what + ": already rated");
    return Ok{};
}

Result<bool> PgRatingStats::is_rated(std::int64_t ticket_id) {
    std::lock_guard lock(impl_->mutex);
    auto res = impl_->run("SELECT 1 FROM queue_rating WHERE ticket_id = $1::bigint",
                          {std::to_string(ticket_id)}, "look up rating");
    if (!res) return res.error();
    return PQntuples((*res)->r) > 0;
}

Result<std::vector<report::TicketFact>> PgRatingStats::ticket_facts(const report::StatsQuery& q) {
    std::lock_guard lock(impl_->mutex);
    const std::string what = "statistics " + q.from.iso + ".." + q.to.iso;
    const std::vector<std::optional<std::string>> params{impl_->options.office, q.from.iso, q.to.iso,
                                                         q.service};
    std::unordered_map<long long, int> levels;
    {
        auto res = impl_->run(kRatings, params, what, 1);
        if (!res) return res.error();
        const PgResult& r = **res;
        for (int i = 0; i < PQntuples(r.r); ++i)
            levels[r.int8(i, 0)] = static_cast<int>(r.int8(i, 1));
    }
    auto res = impl_->run(kFacts, params, what, 1);
    if (!res) return res.error();
    const PgResult& r = **res;
    const int rows = PQntuples(r.r);
    std::vector<report::TicketFact> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        report::TicketFact f;
        f.service = std::string(r.text(i, 1));
        f.counter = static_cast<int>(r.int8(i, 2));
        f.hour = local_minute_of_day(from_unix_ms(r.int8(i, 3))) / 60;
        if (!parse_state(r.text(i, 4), f.state))
            return make_error(kErrStore, what + ": unknown ticket state '" + std::string(r.text(i, 4)) + "'");
        f.print_failed = r.int8(i, 5) != 0;
        if (!r.null(i, 6)) f.wait_ms = r.int8(i, 6);
        if (!r.null(i, 7)) f.service_ms = r.int8(i, 7);
        if (auto it = levels.find(r.int8(i, 0)); it != levels.end()) f.rating = it->second;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace kiosk::store
