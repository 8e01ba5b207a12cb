// PostgreSQL queue watcher: LISTEN motcua_queue on a connection of its own; waits on its socket with poll().
#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/store/queue_watcher_open.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>

namespace kiosk::store {

namespace {

std::string trimmed(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

class PgQueueWatcher final : public queue::QueueWatcher {
  public:
    PgQueueWatcher(std::string dsn, std::string office) : dsn_(std::move(dsn)), office_(std::move(office)) {}
    ~PgQueueWatcher() override {
        if (conn_) PQfinish(conn_);
    }
    PgQueueWatcher(const PgQueueWatcher&) = delete;
    PgQueueWatcher& operator=(const PgQueueWatcher&) = delete;

    Status connect() {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK) return Ok{};
        if (conn_) PQfinish(conn_);
        const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
        const char* values[] = {"5", "motcua-display", dsn_.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            const std::string detail = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
            if (conn_) PQfinish(conn_);
            conn_ = nullptr;
            return make_error(queue::kErrUnreachable, "cannot connect to PostgreSQL: " + detail);
        }
        PGresult* r = PQexec(conn_, "LISTEN motcua_queue");
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) return make_error(queue::kErrStore, "LISTEN failed: " + trimmed(PQerrorMessage(conn_)));
        reconnected_ = true;
        return Ok{};
    }

    Result<bool> wait(std::chrono::milliseconds timeout) override {
        if (auto st = connect(); !st) return st.error();
        if (reconnected_) { // changes while we were not listening are unknown: say "maybe"
            reconnected_ = false;
            return true;
        }
        const auto limit = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (!PQconsumeInput(conn_))
                return make_error(queue::kErrUnreachable, "PostgreSQL: " + trimmed(PQerrorMessage(conn_)));
            bool ours = false;
            while (PGnotify* n = PQnotifies(conn_)) {
                ours = ours || office_ == n->extra;
                PQfreemem(n);
            }
            if (ours) return true;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                limit - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd p{PQsocket(conn_), POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) < 0 && errno != EINTR)
                return make_error(queue::kErrUnreachable, "poll on the PostgreSQL socket failed");
        }
    }

  private:
    std::string dsn_, office_;
    PGconn* conn_ = nullptr;
    bool reconnected_ = false;
};

} // namespace

Result<std::unique_ptr<queue::QueueWatcher>> open_pg_queue_watcher(const std::string& dsn,
                                                                   const std::string& office) {
    auto w = std::make_unique<PgQueueWatcher>(dsn, office);
    if (auto st = w->connect(); !st) return st.error();
    auto first = w->wait(std::chrono::milliseconds{0}); // consumes the "just connected" answer
    if (!first) return first.error();
    return std::unique_ptr<queue::QueueWatcher>(std::move(w));
}

} // namespace kiosk::store
