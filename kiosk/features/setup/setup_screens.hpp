#pragma once
// Draw code of the set-up screens: PIN pad, set-up home, Office, Health, Audit log, Maintenance,
// Network, Printer, Scanner, Services. Reads the
// SetupModel and emits setup commands; no I/O.

#include "kiosk/features/setup/setup_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_setup_pin(UiContext& ctx, const SetupModel& m);
void draw_setup_home(UiContext& ctx, const SetupModel& m);
void draw_setup_office(UiContext& ctx, const SetupModel& m);
void draw_setup_health(UiContext& ctx, const SetupModel& m);
// The Health screen's office report section (figures and chart), `width` wide at the cursor.
void draw_setup_report(UiContext& ctx, const SetupModel& m, float width);
void draw_setup_audit(UiContext& ctx, const SetupModel& m);
void draw_setup_maintenance(UiContext& ctx, const SetupModel& m);
void draw_setup_edit(UiContext& ctx, const SetupModel& m);
void draw_setup_network(UiContext& ctx, const SetupModel& m);
void draw_setup_printer(UiContext& ctx, const SetupModel& m);
void draw_setup_scanner(UiContext& ctx, const SetupModel& m);
void draw_setup_services(UiContext& ctx, const SetupModel& m);
void draw_setup_service(UiContext& ctx, const SetupModel& m);

} // namespace kiosk::ui
