#pragma once
// Opens the QueueWatcher for a ticket database: SQLite file (data_version polling) or PostgreSQL (LISTEN).

#include "kiosk/core/queue/queue_watcher.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::store {

[[nodiscard]] Result<std::unique_ptr<queue::QueueWatcher>>
open_sqlite_queue_watcher(const std::filesystem::path& path,
                          std::chrono::milliseconds poll_interval = std::chrono::milliseconds{100});
// Listens for notifications about `office` on the channel the counter desk notifies.
[[nodiscard]] Result<std::unique_ptr<queue::QueueWatcher>> open_pg_queue_watcher(const std::string& dsn,
                                                                                 const std::string& office);

} // namespace kiosk::store
