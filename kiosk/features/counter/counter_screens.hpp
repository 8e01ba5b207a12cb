#pragma once
// Draws the counter console from a CounterModel: a header (counter, clock, served today, average time), the
// current ticket with the action buttons (call next, recall, no-show, transfer, served, pause) and their
// keyboard shortcuts, and the waiting list per service; before the PIN was accepted, a PIN pad in place of
// the buttons (dots for typed digits, never the digits). Emits counter_ui commands; never blocks.

#include "kiosk/features/counter/counter_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_counter_console(UiContext& ctx, const CounterModel& model);

} // namespace kiosk::ui
