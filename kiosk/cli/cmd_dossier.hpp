#pragma once
// `kioskctl dossier lookup CODE [--json] [--lang vi|en] [--db PATH | --gateway URL [--token T]]`
//   looks a dossier up in the local SQLite store (--db, default <state>/dossiers.sqlite) or the city gateway
//   (--gateway, or dossier.source = "gateway" without --db; gateway.* options, --gateway/--token override
//   url and token) and prints what the kiosk would show
//   (applicant name masked). Exit 0 found, 1 lookup failed, 2 usage.
// `kioskctl dossier import CSV [--db PATH]` imports a CSV (columns: kiosk/core/dossier/dossier_csv.hpp)
//   into the local store, all or nothing.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_dossier(CliContext& ctx);

} // namespace kiosk::cli
