#pragma once
// kioskctl counter sub-commands (IT staff on the counter's PC):
//   counter set-pin N     the PIN of counter N, read from standard input (echo off at a terminal), stored as
//                         an Argon2id hash in <state>/setup/counter-N.secrets (0600); clears its lock-out
//   counter pin-status N  whether counter N has a PIN and whether its pad is locked
// The same module as the console (kiosk/core/setup/counter_pin.hpp); nothing is hashed here.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_counter(CliContext& ctx);

} // namespace kiosk::cli
