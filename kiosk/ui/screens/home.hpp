#pragma once
// The home screen: a greeting and one large button per registered home entry (procedures, dossier, queue
// number, ...), stacked in portrait and side by side in landscape.

#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

#include <vector>

namespace kiosk::ui {

void draw_home(UiContext& ctx, const std::vector<HomeEntry>& entries);

} // namespace kiosk::ui
