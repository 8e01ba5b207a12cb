#pragma once
// kioskctl report: office statistics for a period (per service, counter and hour; waiting and service times;
// print failures; ratings) as CSV and as charts (PNG/PDF, Vietnamese labels unless ui.language=en).
// kioskctl rating demo-ticket: records a ticket issued, called and served at given times (tests and
// demonstrations of the rating screen) and prints its QR payload.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_report(CliContext& ctx);
[[nodiscard]] int run_rating(CliContext& ctx);

} // namespace kiosk::cli
