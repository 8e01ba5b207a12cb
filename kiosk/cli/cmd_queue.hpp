#pragma once
// kioskctl queue / ticket sub-commands (staff at a counter, maintainers, tests):
//   queue call-next SERVICE --counter N [--json]   call the next waiting ticket (priority first, then FIFO)
//   queue done TICKET                               the called ticket was served (TICKET = id or "A015"
//   today) queue list [--day YYYY-MM-DD] [--json]          every ticket of the office day queue void TICKET
//   --reason R                    cancel a ticket; its number stays used ticket issue SERVICE [--priority
//   KIND] [--print] [--json]
//       take a number through the same TicketIssuer as the screen; --print uses the print callback given
// Common options: --db PATH (SQLite file instead of the configured store).

#include "kiosk/cli/cli_context.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::cli {

[[nodiscard]] int run_queue(CliContext& ctx);
// --print uses the configured printer with the same ticket layout as the screen.
[[nodiscard]] int run_ticket(CliContext& ctx);

} // namespace kiosk::cli
