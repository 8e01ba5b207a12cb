#include "kiosk/cli/cmd_catalog.hpp"

#include "kiosk/cli/cli_context.hpp"
#include "kiosk/core/catalog/cli_commands.hpp"

#include <ostream>

namespace kiosk::cli {

namespace {
// config [catalog] bundled, else <paths.assets_dir or the built-in assets>/catalog/procedures.json.
std::filesystem::path default_catalog(const CliContext& ctx) {
    if (!ctx.config.catalog.bundled.empty()) return ctx.config.catalog.bundled;
    const std::filesystem::path assets = ctx.config.paths.assets_dir.empty()
                                             ? std::string(KIOSK_DEFAULT_ASSETS_DIR)
                                             : ctx.config.paths.assets_dir;
    return assets / "catalog" / "procedures.json";
}
} // namespace

int run_catalog(CliContext& ctx) {
    const std::vector<std::string> rest(ctx.args.empty() ? ctx.args.end() : ctx.args.begin() + 1,
                                        ctx.args.end());
    const std::string verb = ctx.args.empty() ? std::string() : ctx.args.front();
    if (verb == "stats") return catalog::catalog_stats_command(rest, ctx.out, ctx.err, default_catalog(ctx));
    if (verb == "validate") return catalog::catalog_validate_command(rest, ctx.out, ctx.err);
    ctx.err << "usage: kioskctl catalog stats [--json] [--file PATH]\n"
               "       kioskctl catalog validate FILE [--json]\n";
    return 2;
}

} // namespace kiosk::cli
