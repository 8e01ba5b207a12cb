#pragma once
// `kioskctl parse "PAYLOAD" [--json]`: reads a scanned QR/barcode payload (or a typed code) the way the
// kiosk does (dossier.qr_allowed_hosts, dossier.qr_param_names) and prints the normalised dossier code,
// or the rejection reason key, its Vietnamese text and the detail (exit 1). Never opens a URL.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_parse(CliContext& ctx);

} // namespace kiosk::cli
