#include "kiosk/ui/widgets/highlight_text.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

float highlighted_text(UiContext& ctx, ImFont* font, std::string_view text,
                       const std::vector<std::pair<std::size_t, std::size_t>>& spans, ImVec2 pos, float width,
                       ImU32 color, ImU32 highlight) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const char* base = text.data();
    const char* end = base + text.size();
    const char* cursor = base;
    float y = pos.y;
    float line_h = font->FontSize * 1.15f;
    while (cursor < end) {
        const char* wrap = font->CalcWordWrapPositionA(1.0f, cursor, end, width);
        if (wrap == cursor) wrap = cursor + 1;
        size_t line_begin = static_cast<size_t>(cursor - base), line_end = static_cast<size_t>(wrap - base);
        for (const auto& [b, e] : spans) {
            size_t from = std::max(b, line_begin), to = std::min(e, line_end);
            if (from >= to) continue;
            float x0 = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, cursor, base + from).x;
            float x1 = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, cursor, base + to).x;
            draw->AddRectFilled(ImVec2(pos.x + x0 - 2, y), ImVec2(pos.x + x1 + 2, y + line_h), highlight,
                                4.0f);
        }
        draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, cursor, wrap);
        y += line_h;
        cursor = wrap;
        while (cursor < end && *cursor == ' ')
            ++cursor;
    }
    ctx.record(std::string(text), pos, ImVec2(pos.x + width, y), false);
    return y - pos.y;
}

} // namespace kiosk::ui
