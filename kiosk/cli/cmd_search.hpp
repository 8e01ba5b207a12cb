#pragma once
// `kioskctl search "QUERY" [--json] [--limit N] [--catalog PATH] [--synonyms PATH]`: runs the kiosk's
// procedure search on the bundled (or given) catalog and prints the ranked results: rank, code, name, levels,
// field, score (or JSON with highlight byte ranges). Output is for staff and maintainers. Exit 0 ok (also
// when nothing is found), 1 when the catalog or synonyms cannot be read, 2 on a usage error.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_search(CliContext& ctx);

} // namespace kiosk::cli
