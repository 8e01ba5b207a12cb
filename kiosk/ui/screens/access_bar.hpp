#pragma once
// The accessibility switches on every screen, one tap each: "Chữ to" (large text), "Tương phản cao" (high
// contrast) and, when a speech engine exists, "Đọc to" (read aloud). Each switch shows its state by a tick in
// a box (a shape) as well as by its fill, so nothing depends on colour alone. In portrait they are a
// full-width row under the header; in landscape (little height, much width) they sit inside the header. They
// only emit ToggleAccess; the app applies the modes and the idle timeout turns them off.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

namespace kiosk::ui {

// The size of the row of switches when each is `switch_w` wide (0 = as wide as its widest label needs).
struct AccessRowSize {
    float switch_w = 0, switch_h = 0, width = 0;
};
[[nodiscard]] AccessRowSize measure_access_row(const UiContext& ctx, const ShellModel& model, float switch_w);

// Draws the switches with their top-left at `pos`.
void draw_access_row(UiContext& ctx, const ShellModel& model, ImVec2 pos, const AccessRowSize& size);

// Portrait: draws the row at the cursor across the available width; returns the height it used.
float draw_access_bar(UiContext& ctx, const ShellModel& model);

} // namespace kiosk::ui
