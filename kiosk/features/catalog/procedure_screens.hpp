#pragma once
// Procedure screens: browse (level → field → procedure), search with the on-screen keyboard and results that
// update on every keystroke, and a procedure page readable standing up (documents, time and fees, steps, QR
// to the online service, "print this checklist").

#include "kiosk/features/catalog/catalog_model.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void draw_procedure_browse(UiContext& ctx, const CatalogModel& c);
void draw_procedure_search(UiContext& ctx, const CatalogModel& c);
void draw_procedure_detail(UiContext& ctx, const CatalogModel& c);

// "8.000 ₫" (Vietnamese thousands separator), or "Miễn phí" for 0.
[[nodiscard]] std::string format_fee(const UiContext& ctx, long long vnd);

} // namespace kiosk::ui
