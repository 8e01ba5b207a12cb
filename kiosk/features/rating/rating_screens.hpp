#pragma once
// The rating screens: enter (scan hint, typed ticket code, keypad) and rate (ticket, the three levels as big
// pictogram buttons, reasons for "not satisfied", thanks). Draw code only: reads the model, emits commands.

#include "kiosk/features/rating/rating_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_rating_enter(UiContext& ctx, const RatingModel& model);
void draw_rating_rate(UiContext& ctx, const RatingModel& model);

} // namespace kiosk::ui
