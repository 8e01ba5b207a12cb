#pragma once
// `kioskctl config check FILE` (every problem, exit 1 if any) and `kioskctl config show` (the effective
// configuration as TOML, after --set overrides).

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_config_check(CliContext& ctx, const std::vector<std::string>& overrides);
[[nodiscard]] int run_config_show(CliContext& ctx);

} // namespace kiosk::cli
