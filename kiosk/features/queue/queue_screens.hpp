#pragma once
// Queue screens: pick a service (then, where allowed, whether the citizen has priority), and the issued
// ticket, shown large with its QR so it can be photographed when the printer fails.

#include "kiosk/features/queue/queue_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_queue_services(UiContext& ctx, const QueueModel& q);
void draw_queue_ticket(UiContext& ctx, const QueueModel& q);

} // namespace kiosk::ui
