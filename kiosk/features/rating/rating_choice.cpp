#include "kiosk/features/rating/rating_choice.hpp"

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::ui {
namespace {

constexpr float kPi = 3.14159265f;

const char* level_key(int level) {
    return level == 3   ? "rating.level.very_satisfied"
           : level == 2 ? "rating.level.satisfied"
                        : "rating.level.not_satisfied";
}

// A face: the mouth's shape carries the meaning (wide open smile, gentle smile, frown), not the colour.
void draw_face(ImDrawList* draw, ImVec2 c, float r, int level, ImU32 ink, ImU32 fill) {
    draw->AddCircleFilled(c, r, fill, 64);
    draw->AddCircle(c, r, ink, 64, r * 0.07f);
    const float eye = r * 0.09f;
    draw->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.25f), eye, ink, 24);
    draw->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.25f), eye, ink, 24);
    const float thick = r * 0.08f;
    if (level == 3) {
        // Open laugh: a filled half disc.
        draw->PathArcTo(ImVec2(c.x, c.y + r * 0.12f), r * 0.5f, 0.0f, kPi, 32);
        draw->PathFillConvex(ink);
    } else if (level == 2) {
        draw->PathArcTo(ImVec2(c.x, c.y + r * 0.05f), r * 0.45f, kPi * 0.2f, kPi * 0.8f, 32);
        draw->PathStroke(ink, 0, thick);
    } else {
        draw->PathArcTo(ImVec2(c.x, c.y + r * 0.7f), r * 0.42f, kPi * 1.2f, kPi * 1.8f, 32);
        draw->PathStroke(ink, 0, thick);
    }
}

// A check mark in a box: "chosen" is told by the mark, not only by colour.
void draw_check_box(ImDrawList* draw, ImVec2 min, float side, bool checked, ImU32 ink) {
    ImVec2 max(min.x + side, min.y + side);
    draw->AddRect(min, max, ink, side * 0.15f, 0, side * 0.1f);
    if (!checked) return;
    ImVec2 pts[3] = {ImVec2(min.x + side * 0.2f, min.y + side * 0.52f),
                     ImVec2(min.x + side * 0.42f, min.y + side * 0.74f),
                     ImVec2(min.x + side * 0.8f, min.y + side * 0.26f)};
    draw->AddPolyline(pts, 3, ink, 0, side * 0.14f);
}

bool tapped_area(UiContext& ctx, const char* id, ImVec2 size, bool enabled, bool& held) {
    ImGui::PushID(id);
    bool released = ImGui::InvisibleButton("##t", size) && enabled;
    held = ImGui::IsItemActive() && enabled && !ctx.gesture().dragging;
    ImGui::PopID();
    return released && !ctx.gesture().dragging;
}

bool level_button(UiContext& ctx, int level, bool chosen, bool enabled, ImVec2 size) {
    const Theme& theme = ctx.theme();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    std::string id = "level" + std::to_string(level);
    bool tapped = tapped_area(ctx, id.c_str(), size, enabled, held);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImU32 accent = level == 3 ? theme.success : level == 2 ? theme.primary : theme.warning;
    draw->AddRectFilled(pos, max, held ? theme.secondary_pressed : theme.secondary, theme.px(22));
    draw->AddRect(pos, max, chosen ? accent : theme.border, theme.px(22), 0, theme.px(chosen ? 10 : 3));
    const float r = std::min(size.x * 0.32f, size.y * 0.26f);
    draw_face(draw, ImVec2(pos.x + size.x / 2, pos.y + theme.px(30) + r), r, level, theme.text,
              (accent & 0x00FFFFFF) | (chosen ? 0x90000000u : 0x40000000u));
    std::string label(ctx.tr(level_key(level)));
    const float text_w = size.x - theme.px(24);
    ImVec2 ts = measure(theme.fonts.title, label, text_w);
    draw->AddText(theme.fonts.title, theme.fonts.title->FontSize,
                  ImVec2(pos.x + (size.x - ts.x) / 2, pos.y + theme.px(50) + 2 * r), theme.text,
                  label.c_str(), label.c_str() + label.size(), text_w);
    if (chosen)
        draw_check_box(draw, ImVec2(pos.x + theme.px(18), pos.y + theme.px(18)), theme.px(56), true, accent);
    ctx.record(label, pos, max, enabled);
    return tapped;
}

bool reason_toggle(UiContext& ctx, std::size_t index, bool on, bool enabled, ImVec2 size) {
    const Theme& theme = ctx.theme();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    std::string id = "reason" + std::to_string(index);
    bool tapped = tapped_area(ctx, id.c_str(), size, enabled, held);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, held ? theme.secondary_pressed : theme.secondary, theme.px(18));
    draw->AddRect(pos, max, on ? theme.primary : theme.border, theme.px(18), 0, theme.px(on ? 6 : 3));
    const float box = theme.px(52);
    draw_check_box(draw, ImVec2(pos.x + theme.px(20), pos.y + (size.y - box) / 2), box, on, theme.primary);
    std::string label(ctx.tr("rating.reason." + std::string(queue::kReasonNames[index])));
    const float text_x = pos.x + theme.px(20) + box + theme.px(18);
    const float text_w = max.x - text_x - theme.px(12);
    ImVec2 ts = measure(theme.fonts.body, label, text_w);
    draw->AddText(theme.fonts.body, theme.fonts.body->FontSize, ImVec2(text_x, pos.y + (size.y - ts.y) / 2),
                  theme.text, label.c_str(), label.c_str() + label.size(), text_w);
    ctx.record(label, pos, max, enabled);
    return tapped;
}

} // namespace

float rating_reasons_height(UiContext& ctx, const RatingChoiceLayout& layout) {
    const Theme& theme = ctx.theme();
    const int columns = std::max(1, layout.reason_columns);
    const int rows = (static_cast<int>(queue::kReasonNames.size()) + columns - 1) / columns;
    const float rh = layout.reason_h > 0 ? layout.reason_h : theme.px(120);
    // As drawn below: the title (a text block: 1.15 lines plus item spacing), gap(6), then the rows.
    const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
    return theme.fonts.body->FontSize * 1.15f + spacing_y + theme.px(6) + spacing_y +
           static_cast<float>(rows) * (rh + theme.px(14));
}

RatingChoiceTap draw_rating_choice(UiContext& ctx, const RatingChoiceView& v, float width,
                                   const RatingChoiceLayout& layout) {
    const Theme& theme = ctx.theme();
    RatingChoiceTap tap;
    const float spacing = theme.px(20);
    const float bw = (width - 2 * spacing) / 3;
    const float button_h = layout.button_h;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 3; ++i) {
        const int level = 3 - i; // most satisfied first, left to right
        ImGui::SetCursorScreenPos(ImVec2(row.x + static_cast<float>(i) * (bw + spacing), row.y));
        if (level_button(ctx, level, v.level == level, v.enabled, ImVec2(bw, button_h))) tap.level = level;
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + button_h + spacing));
    if (v.level != static_cast<int>(queue::RatingLevel::not_satisfied)) return tap;
    text_block(ctx, theme.fonts.body, ctx.tr("rating.reasons_title"), theme.text, width);
    gap(ctx, 6);
    const int columns = std::max(1, layout.reason_columns);
    const float rw = (width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float rh = layout.reason_h > 0 ? layout.reason_h : theme.px(120);
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    const std::size_t n = queue::kReasonNames.size(), cols = static_cast<std::size_t>(columns);
    for (std::size_t i = 0; i < n; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(i % cols) * (rw + spacing),
                                         grid.y + static_cast<float>(i / cols) * (rh + theme.px(14))));
        if (reason_toggle(ctx, i, (v.reasons >> i) & 1u, v.enabled, ImVec2(rw, rh))) tap.reason = 1u << i;
    }
    ImGui::SetCursorScreenPos(
        ImVec2(grid.x, grid.y + static_cast<float>((n + cols - 1) / cols) * (rh + theme.px(14))));
    return tap;
}

} // namespace kiosk::ui
