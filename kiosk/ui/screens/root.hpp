#pragma once
// Draws one whole frame: header, the current screen, and the notice bar. The single entry point the app
// calls.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

void draw_root(UiContext& ctx, const AppModel& model);

} // namespace kiosk::ui
