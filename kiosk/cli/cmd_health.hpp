#pragma once
// Reading kiosks remotely, for maintainers:
// `kioskctl health --url URL [--token T] [--ca FILE] [--json]`: one kiosk's /status (or, without a valid
//   token, its /healthz): online, healthy, printer and paper, queue store, catalog age, version, last frame,
//   problems. Exit 0 healthy, 1 degraded or offline, 2 usage.
// `kioskctl fleet FILE [--token T] [--ca FILE] [--json] [--timeout-ms N]`: every kiosk listed in FILE (one
// per
//   line: `URL [TOKEN]`, `#` comments; --token is the default token), read in parallel (at most 16 at once,
//   each bounded by the timeout), one line each in the file's order. Exit 0 when all are healthy, else 1.
// Reading never changes a kiosk. Tokens are never printed.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_health(CliContext& ctx);
[[nodiscard]] int run_fleet(CliContext& ctx);

} // namespace kiosk::cli
