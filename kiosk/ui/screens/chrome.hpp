#pragma once
// The frame around every screen: the header (office, clock, language switch) and the navigation row with
// back and home, which is always visible away from home.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

// Draws the header; returns the height it used.
float draw_header(UiContext& ctx, const ShellModel& model);
// Draws back/home and the screen title under the header; returns the height it used.
float draw_nav_row(UiContext& ctx, std::string_view title);
// A bottom notice bar when model.notice_key is set.
void draw_notice(UiContext& ctx, const ShellModel& model);

[[nodiscard]] std::string clock_date_text(const UiContext& ctx, const ClockView& clock);

} // namespace kiosk::ui
