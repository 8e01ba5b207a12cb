#pragma once
// kioskctl queue / ticket sub-commands (staff at a counter, maintainers, tests):
//   queue call-next SERVICE --counter N [--json]   call the next waiting ticket (priority first, then FIFO)
//   queue done TICKET                               the called ticket was served (TICKET = id or "A015"
//   today) queue list [--day YYYY-MM-DD] [--json]          every ticket of the office day queue void TICKET
//   --reason R                    cancel a ticket; its number stays used ticket issue SERVICE [--priority
//   KIND] [--print] [--json]
//       take a number through the same TicketIssuer as the screen; --print uses the print callback given
// Common options: --db PATH (SQLite file instead of the configured store).
// Also: mapping of the configuration onto the queue's option structs, shared with the app.

#include "kiosk/cli/cli_context.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::cli {

struct QueueStoreOptions {
    std::string kind = "sqlite"; // sqlite | postgres
    std::filesystem::path sqlite_path;
    std::string postgres_dsn;
    std::string office;
    int day_reset_minute = 0;
};

// Opens the configured store (errors: "queue.error.*" kinds with detail).
[[nodiscard]] Result<std::unique_ptr<queue::TicketStore>> open_ticket_store(const QueueStoreOptions& options);
// config [queue] + [office] → store options (sqlite_path defaults to <state>/queue.sqlite).
[[nodiscard]] Result<QueueStoreOptions> queue_store_options(const config::Config& config);
// config services → queue services (validated). Priority numbers print as "UT-" + prefix, e.g. "UT-A003".
[[nodiscard]] Result<std::vector<queue::Service>> queue_services(const config::Config& config);

[[nodiscard]] int run_queue(CliContext& ctx);
// `print` may be empty: then --print is refused with a clear message.
[[nodiscard]] int run_ticket(CliContext& ctx, const queue::PrintFn& print);

} // namespace kiosk::cli
