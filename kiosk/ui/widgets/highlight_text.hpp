#pragma once
// Wrapped text with some byte ranges highlighted (search matches in procedure names). Records itself as
// visible.

#include "kiosk/ui/ui_context.hpp"

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::ui {

// Draws `text` wrapped to `width` at absolute `pos`; `spans` are [begin, end) byte ranges into `text`.
// Returns the height used.
float highlighted_text(UiContext& ctx, ImFont* font, std::string_view text,
                       const std::vector<std::pair<std::size_t, std::size_t>>& spans, ImVec2 pos, float width,
                       ImU32 color, ImU32 highlight);

} // namespace kiosk::ui
