#pragma once
// The home screen: a greeting and the three large actions (procedures, dossier, queue number).

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

void draw_home(UiContext& ctx, const AppModel& model);

} // namespace kiosk::ui
