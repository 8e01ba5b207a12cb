#pragma once
// SqlCounterDesk: the CounterDesk operations as SQL over one SqlSession (SQLite or PostgreSQL), sharing the
// ticket store's tables plus three of its own: queue_flow (where a transferred or skipped ticket waits now
// and its place in line), queue_event (one row per state change), queue_desk (each counter's current ticket
// and pause). Opening functions create those tables if missing. One instance = one connection, used by one
// thread at a time (calls are serialised by a mutex). Busy/contention errors are queue.error.store_busy:
// the caller may retry; a failed operation changed nothing.

#include "kiosk/core/queue/counter_desk.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::store {

struct CounterDeskTarget {
    std::string office;
    int day_reset_minute = 0;
    queue::DeskOptions desk;
};

[[nodiscard]] Result<std::unique_ptr<queue::CounterDesk>>
open_sqlite_counter_desk(const std::filesystem::path& path, const CounterDeskTarget& target,
                         std::chrono::milliseconds busy_timeout = std::chrono::milliseconds{5000});
[[nodiscard]] Result<std::unique_ptr<queue::CounterDesk>>
open_pg_counter_desk(const std::string& dsn, const CounterDeskTarget& target, int connect_timeout_s = 5);

} // namespace kiosk::store
