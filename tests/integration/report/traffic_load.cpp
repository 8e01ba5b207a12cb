#include "traffic_gen.hpp"

#include "kiosk/store/rating_stats_pg.hpp"
#include "kiosk/store/rating_stats_sqlite.hpp"
#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace kiosk::testing {
namespace {

std::string opt(const std::optional<long long>& v, const char* null) {
    return v ? std::to_string(*v) : null;
}

} // namespace

std::string load_sqlite(const std::string& path, const std::string& office,
                        const std::vector<GeneratedTicket>& tickets) {
    {
        auto t = store::SqliteTicketStore::open({path, office, 0});
        if (!t) return t.error().message;
        auto r = store::SqliteRatingStats::open({path, office});
        if (!r) return r.error().message;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return "open " + path;
    std::string error;
    auto exec = [&](const char* sql) {
        if (error.empty() && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            error = sqlite3_errmsg(db);
    };
    exec("PRAGMA synchronous=OFF");
    exec("BEGIN");
    sqlite3_stmt *ins = nullptr, *rate = nullptr;
    if (error.empty() &&
        sqlite3_prepare_v2(
            db,
            "INSERT INTO queue_ticket (office, service, day, series, number, display, priority, state, "
            "issued_at, printed_at, called_at, served_at, voided_at, counter, note, check_code) VALUES "
            "(?1, ?2, ?3, 0, ?4, ?5, 'none', ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            -1, &ins, nullptr) != SQLITE_OK)
        error = sqlite3_errmsg(db);
    if (error.empty() &&
        sqlite3_prepare_v2(
            db,
            "INSERT INTO queue_rating (ticket_id, office, service, day, counter, level, reasons, "
            "rated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            -1, &rate, nullptr) != SQLITE_OK)
        error = sqlite3_errmsg(db);
    auto bind_opt = [](sqlite3_stmt* st, int i, const std::optional<long long>& v) {
        if (v)
            sqlite3_bind_int64(st, i, *v);
        else
            sqlite3_bind_null(st, i);
    };
    for (const auto& t : tickets) {
        if (!error.empty()) break;
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, office.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, t.service.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, t.day.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 4, t.number);
        sqlite3_bind_text(ins, 5, t.display.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 6, t.state.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins, 7, t.issued_at);
        bind_opt(ins, 8, t.printed_at);
        bind_opt(ins, 9, t.called_at);
        bind_opt(ins, 10, t.served_at);
        bind_opt(ins, 11, t.voided_at);
        bind_opt(ins, 12, t.counter ? std::optional<long long>(*t.counter) : std::nullopt);
        sqlite3_bind_text(ins, 13, t.note.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 14, t.check.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            error = sqlite3_errmsg(db);
            break;
        }
        if (!t.rating) continue;
        sqlite3_reset(rate);
        sqlite3_bind_int64(rate, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(rate, 2, office.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(rate, 3, t.service.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(rate, 4, t.day.c_str(), -1, SQLITE_TRANSIENT);
        bind_opt(rate, 5, t.counter ? std::optional<long long>(*t.counter) : std::nullopt);
        sqlite3_bind_int(rate, 6, t.rating);
        sqlite3_bind_int64(rate, 7, t.reasons);
        sqlite3_bind_int64(rate, 8, t.rated_at);
        if (sqlite3_step(rate) != SQLITE_DONE) error = sqlite3_errmsg(db);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(rate);
    // The counters the store would have advanced, so a later issue() continues the day's numbering.
    exec("INSERT OR REPLACE INTO queue_counter SELECT office, service, day, series, max(number) FROM "
         "queue_ticket "
         "GROUP BY office, service, day, series");
    exec(error.empty() ? "COMMIT" : "ROLLBACK");
    exec("ANALYZE");
    sqlite3_close(db);
    return error;
}

std::string load_postgres(const std::string& dsn, const std::string& office,
                          const std::vector<GeneratedTicket>& tickets) {
    {
        store::PgTicketStoreOptions o;
        o.dsn = dsn;
        o.office = office;
        auto t = store::PgTicketStore::open(o);
        if (!t) return t.error().message;
        store::PgRatingStatsOptions r;
        r.dsn = dsn;
        r.office = office;
        auto s = store::PgRatingStats::open(r);
        if (!s) return s.error().message;
    }
    PGconn* conn = PQconnectdb(dsn.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string e = PQerrorMessage(conn);
        PQfinish(conn);
        return e;
    }
    std::string error;
    auto exec = [&](const std::string& sql) {
        if (!error.empty()) return;
        PGresult* r = PQexec(conn, sql.c_str());
        auto st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_COPY_IN)
            error = PQerrorMessage(conn);
        PQclear(r);
    };
    auto copy = [&](const std::string& sql, const std::string& data) {
        exec(sql);
        if (!error.empty()) return;
        if (PQputCopyData(conn, data.data(), static_cast<int>(data.size())) != 1 ||
            PQputCopyEnd(conn, nullptr) != 1)
            error = PQerrorMessage(conn);
        PGresult* r = PQgetResult(conn);
        if (error.empty() && PQresultStatus(r) != PGRES_COMMAND_OK) error = PQerrorMessage(conn);
        PQclear(r);
        while ((r = PQgetResult(conn)))
            PQclear(r);
    };
    std::string rows, ratings;
    for (const auto& t : tickets) {
        // Text COPY: tab-separated, \N = NULL (no field here holds a tab, newline or backslash).
        rows += office + "\t" + t.service + "\t" + t.day + "\t0\t" + std::to_string(t.number) + "\t" +
                t.display + "\tnone\t" + t.state + "\t" + std::to_string(t.issued_at) + "\t" +
                opt(t.printed_at, "\\N") + "\t" + opt(t.called_at, "\\N") + "\t" + opt(t.served_at, "\\N") +
                "\t" + opt(t.voided_at, "\\N") + "\t" + (t.counter ? std::to_string(*t.counter) : "\\N") +
                "\t" + t.note + "\t" + t.check + "\n";
        if (t.rating)
            ratings += t.service + "\t" + t.day + "\t" + std::to_string(t.number) + "\t" +
                       (t.counter ? std::to_string(*t.counter) : "\\N") + "\t" + std::to_string(t.rating) +
                       "\t" + std::to_string(t.reasons) + "\t" + std::to_string(t.rated_at) + "\n";
    }
    exec("BEGIN");
    copy("COPY queue_ticket (office, service, day, series, number, display, priority, state, issued_at, "
         "printed_at, "
         "called_at, served_at, voided_at, counter, note, check_code) FROM STDIN",
         rows);
    exec("CREATE TEMP TABLE gen_rating (service text, day text, number integer, counter integer, level "
         "smallint, "
         "reasons integer, rated_at bigint) ON COMMIT DROP");
    copy("COPY gen_rating FROM STDIN", ratings);
    // Ratings find their ticket's id by (office, service, day, series, number).
    PGresult* r = nullptr;
    if (error.empty()) {
        const char* params[1] = {office.c_str()};
        r = PQexecParams(
            conn,
            "INSERT INTO queue_rating SELECT t.id, t.office, g.service, g.day, g.counter, g.level, "
            "g.reasons, g.rated_at FROM gen_rating g JOIN queue_ticket t ON t.office = $1 AND t.service = "
            "g.service AND t.day = g.day AND t.series = 0 AND t.number = g.number",
            1, nullptr, params, nullptr, nullptr, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQerrorMessage(conn);
        PQclear(r);
    }
    exec(error.empty() ? "COMMIT" : "ROLLBACK");
    exec("ANALYZE queue_ticket");
    exec("ANALYZE queue_rating");
    PQfinish(conn);
    return error;
}

} // namespace kiosk::testing
