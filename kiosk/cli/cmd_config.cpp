#include "kiosk/cli/cmd_config.hpp"

#include "kiosk/core/config/loader.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace kiosk::cli {

int run_config_check(CliContext& ctx, const std::vector<std::string>& overrides) {
    bool json = false;
    std::string file;
    for (const auto& arg : ctx.args) {
        if (arg == "--json")
            json = true;
        else if (file.empty())
            file = arg;
        else
            return ctx.err << "kioskctl config check: unexpected argument '" << arg << "'\n", 2;
    }
    if (file.empty()) return ctx.err << "usage: kioskctl config check FILE [--json]\n", 2;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return ctx.err << file << ": no such file\n", 1;
    auto result = config::load_config_file(file, overrides);
    if (json) {
        nlohmann::json out = {{"file", file}, {"ok", result.ok()}, {"problems", nlohmann::json::array()}};
        for (const auto& p : result.problems)
            out["problems"].push_back(
                {{"origin", p.origin}, {"line", p.line}, {"key", p.key}, {"message", p.message}});
        ctx.out << out.dump(2) << "\n";
    } else if (result.ok()) {
        ctx.out << file << ": OK\n";
    } else {
        for (const auto& p : result.problems)
            ctx.out << p.to_string() << "\n";
        ctx.out << result.problems.size() << " problem(s)\n";
    }
    return result.ok() ? 0 : 1;
}

int run_config_show(CliContext& ctx) {
    ctx.out << config::to_toml(ctx.config);
    return 0;
}

} // namespace kiosk::cli
