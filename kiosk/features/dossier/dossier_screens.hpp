#pragma once
// Dossier screens: scan the receipt QR (camera frame guide or USB scanner) or type the code on the keypad;
// the status with the official wording, a simple timeline, the appointment date (overdue shown) and the next
// step.

#include "kiosk/features/dossier/dossier_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_dossier_scan(UiContext& ctx, const DossierModel& d);
void draw_dossier_status(UiContext& ctx, const DossierModel& d);

} // namespace kiosk::ui
