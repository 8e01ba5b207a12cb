// SQLite queue watcher: PRAGMA data_version changes when another connection commits to the file.
#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/store/queue_watcher_open.hpp"
#include "kiosk/store/sqlite_db.hpp"

#include <thread>

namespace kiosk::store {

namespace {

class SqliteQueueWatcher final : public queue::QueueWatcher {
  public:
    SqliteQueueWatcher(sqlite::Db db, std::chrono::milliseconds poll) : db_(std::move(db)), poll_(poll) {}

    Result<bool> wait(std::chrono::milliseconds timeout) override {
        const auto limit = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            auto version = read_version();
            if (!version) return version.error();
            const bool first = last_ < 0;
            const bool changed = *version != last_;
            last_ = *version;
            if (changed && !first) return true;
            const auto now = std::chrono::steady_clock::now();
            if (now >= limit) return false;
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(poll_, limit - now));
        }
    }

  private:
    Result<long long> read_version() {
        auto st = db_.prepare("PRAGMA data_version");
        if (!st) return make_error(queue::kErrStore, st.error().message);
        auto row = st->step();
        if (!row) return make_error(queue::kErrStore, row.error().message);
        return *row ? static_cast<long long>(st->int64(0)) : 0LL;
    }
    sqlite::Db db_;
    std::chrono::milliseconds poll_;
    long long last_ = -1;
};

} // namespace

Result<std::unique_ptr<queue::QueueWatcher>>
open_sqlite_queue_watcher(const std::filesystem::path& path, std::chrono::milliseconds poll_interval) {
    sqlite::OpenOptions o;
    o.path = path;
    o.create_folder = true;
    o.journal = sqlite::Journal::wal;
    auto db = sqlite::Db::open(o);
    if (!db) return make_error(queue::kErrUnreachable, db.error().message);
    auto watcher = std::make_unique<SqliteQueueWatcher>(std::move(db).value(), poll_interval);
    auto first = watcher->wait(std::chrono::milliseconds{0}); // remembers the current version
    if (!first) return first.error();
    return std::unique_ptr<queue::QueueWatcher>(std::move(watcher));
}

} // namespace kiosk::store
