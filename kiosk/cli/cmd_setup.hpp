#pragma once
// `kioskctl setup set-pin` (the new PIN from standard input, never the command line; stored as an Argon2id
// hash in the secrets file), `kioskctl setup enable-first-run` (set-up opens once without a PIN and asks for
// one first) and `kioskctl setup status`. Each change is written to the set-up audit log (without the PIN).

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_setup(CliContext& ctx);

} // namespace kiosk::cli
