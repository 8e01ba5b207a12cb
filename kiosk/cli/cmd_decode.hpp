#pragma once
// `kioskctl decode IMAGE [--json] [--max-steps N] [--formats LIST]`: reads a PNG/JPEG the way the kiosk's
// camera path does (ZxingDecoder retry ladder) and prints what the frame holds: symbology, text, corner
// positions, which ladder step read it and how long it took. Exit 0 when a code was read, 1 when none
// or the file is unusable, 2 on a usage error. It does not interpret the text (see `kioskctl parse`).

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_decode(CliContext& ctx);

} // namespace kiosk::cli
