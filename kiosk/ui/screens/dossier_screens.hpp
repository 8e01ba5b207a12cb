#pragma once
// Dossier screens: scan the receipt QR (camera frame guide or USB scanner) or type the code on the keypad;
// the status with the official wording, a simple timeline, the appointment date (overdue shown) and the next
// step.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

void draw_dossier_scan(UiContext& ctx, const AppModel& model);
void draw_dossier_status(UiContext& ctx, const AppModel& model);

} // namespace kiosk::ui
