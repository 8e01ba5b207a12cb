#include "kiosk/cli/cmd_catalog.hpp"

#include "kiosk/cli/cli_context.hpp"
#include "kiosk/core/catalog/cli_commands.hpp"

#include <ostream>

namespace kiosk::cli {

int run_catalog(CliContext& ctx) {
    const std::vector<std::string> rest(ctx.args.empty() ? ctx.args.end() : ctx.args.begin() + 1,
                                        ctx.args.end());
    const std::string verb = ctx.args.empty() ? std::string() : ctx.args.front();
    if (verb == "stats")
        return catalog::catalog_stats_command(rest, ctx.out, ctx.err, ctx.root.plan().catalog.bundled);
    if (verb == "validate") return catalog::catalog_validate_command(rest, ctx.out, ctx.err);
    ctx.err << "usage: kioskctl catalog stats [--json] [--file PATH]\n"
               "       kioskctl catalog validate FILE [--json]\n";
    return 2;
}

} // namespace kiosk::cli
