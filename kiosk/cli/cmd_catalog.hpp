#pragma once
// `kioskctl catalog stats [--json] [--file PATH]` and `kioskctl catalog validate FILE [--json]`.
// ctx.args are the words after "catalog" (the first one picks stats/validate). The default catalog for
// stats is config [catalog] bundled, else <paths.assets_dir>/catalog/procedures.json. It does not contact
// the gateway or read the SQLite cache.

namespace kiosk::cli {

struct CliContext;

[[nodiscard]] int run_catalog(CliContext& ctx);

} // namespace kiosk::cli
