#pragma once
// Opens a ticket store (SQLite on the kiosk, or the office's shared PostgreSQL) from resolved options; the
// composition root (kiosk/runtime) decides them from the configuration. It does not issue tickets
// (queue::TicketIssuer does).

#include "kiosk/core/queue/ticket_store.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::store {

struct QueueStoreOptions {
    std::string kind = "sqlite"; // sqlite | postgres
    std::filesystem::path sqlite_path;
    std::string postgres_dsn;
    std::string office;
    int day_reset_minute = 0;
};

// Opens the store (errors: "queue.error.*" kinds with detail).
[[nodiscard]] Result<std::unique_ptr<queue::TicketStore>> open_ticket_store(const QueueStoreOptions& options);

} // namespace kiosk::store
