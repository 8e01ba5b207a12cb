#pragma once
// `kioskctl printers [--json] [--server HOST:PORT|/SOCKET]`: lists the CUPS destinations with their state,
// printer-state-reasons, message, device URI and the fault a ticket would run into now (exit 1 when CUPS
// cannot be reached).
// `kioskctl print-test [--png DIR | --cups DEST] [--paper 80|58] [--server S] [--json]`: renders a sample
// ticket (Vietnamese text, QR) and prints it through the PNG sink or a CUPS queue (default: the configured
// printer.sink); reports where it went or the fault with its staff-facing text (exit 1 on a fault).

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_printers(CliContext& ctx);
[[nodiscard]] int run_print_test(CliContext& ctx);

} // namespace kiosk::cli
