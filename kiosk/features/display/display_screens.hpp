#pragma once
// Draws the lobby board (kiosk --mode display) from a DisplayModel: landscape (counters left, lists right)
// or portrait (stacked). Reads the model only; emits no commands (a lobby screen is not touched).

#include "kiosk/features/display/display_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_display_board(UiContext& ctx, const DisplayModel& model);

} // namespace kiosk::ui
