#pragma once
// Draws one whole frame: header, the current screen (home, or the registered screen on top of the stack),
// and the notice bar. The single entry point the app calls.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

#include <vector>

namespace kiosk::ui {

// `current` is the registered screen on top of the stack (null on home or for an unknown id).
void draw_root(UiContext& ctx, const ShellModel& model, const ScreenSpec* current,
               const std::vector<HomeEntry>& home_entries);

} // namespace kiosk::ui
