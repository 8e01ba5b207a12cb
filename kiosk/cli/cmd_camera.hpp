#pragma once
// `kioskctl camera-controls [DEVICE] [--json]`: the V4L2 controls a camera offers (name, type, range,
// current value, menu items), for setting up a kiosk's scanner. DEVICE defaults to the configured camera
// device. Exit 0 on success, 1 when the device cannot be opened or is not a camera, 2 on a usage error.
// It changes no control.

#include "kiosk/cli/cli_context.hpp"

namespace kiosk::cli {

[[nodiscard]] int run_camera_controls(CliContext& ctx);

} // namespace kiosk::cli
