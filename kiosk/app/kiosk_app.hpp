#pragma once
// The kiosk program: wires configuration, translations, the window, the controller, workers and the UI, and
// owns the frame loop. The loop sleeps in SDL_WaitEventTimeout and renders only when something changed:
// input, a finished background task (woken by a registered SDL event), the clock's minute, the idle deadline
// or a script.

#include "kiosk/app/options.hpp"

namespace kiosk::app {

// Runs the kiosk; returns the process exit code.
[[nodiscard]] int run_kiosk(const Options& options);

} // namespace kiosk::app
