#pragma once
// Queue screens: pick a service (then, where allowed, whether the citizen has priority), and the issued
// ticket, shown large with its QR so it can be photographed when the printer fails.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

void draw_queue_services(UiContext& ctx, const AppModel& model);
void draw_queue_ticket(UiContext& ctx, const AppModel& model);
// Draws a QR matrix as dark squares in a square of `side` pixels at the cursor (with a quiet zone).
void draw_qr(const QrView& qr, float side);

} // namespace kiosk::ui
