#include "kiosk/features/rating/rating_screens.hpp"

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/features/rating/rating_commands.hpp"

#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::ui {
namespace {

using features::rating_ui::PickLevel;
using features::rating_ui::SendRating;
using features::rating_ui::SubmitTypedTicket;
using features::rating_ui::ToggleReason;

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

void error_box(UiContext& ctx, float width, const std::string& key) {
    if (key.empty()) return;
    boxed(ctx, width, ctx.theme().danger,
          [&](float w) { text_block(ctx, ctx.theme().fonts.body, ctx.tr(key), ctx.theme().danger, w); });
}

} // namespace

void draw_rating_enter(UiContext& ctx, const RatingModel& m) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    ImGui::BeginGroup();
    text_block(ctx, theme.fonts.body, ctx.tr("rating.scan_hint"), theme.text, width);
    gap(ctx, 10);
    if (m.checking) {
        boxed(ctx, width, theme.primary, [&](float w) {
            text_block(ctx, theme.fonts.title, ctx.tr("rating.checking"), theme.primary, w);
        });
    }
    error_box(ctx, width, m.error_key);
    text_block(ctx, theme.fonts.small, ctx.tr("rating.type_hint"), theme.muted, width);
    float field_h = theme.px(110);
    float button_w = theme.px(260);
    ImVec2 field_min = ImGui::GetCursorScreenPos();
    text_field(ctx, m.typed, ctx.tr("rating.type_placeholder"),
               ImVec2(width - button_w - theme.px(20), field_h));
    ImGui::SetCursorScreenPos(ImVec2(field_min.x + width - button_w, field_min.y));
    if (big_button(ctx, "rating-next",
                   {ctx.tr("rating.next"),
                    {},
                    ImVec2(button_w, field_h),
                    ButtonStyle::primary,
                    !m.typed.empty() && !m.checking}))
        ctx.send(SubmitTypedTicket{});
    ImGui::EndGroup();
    KeyboardView keypad{KeyboardLayout::code, keyboard::InputMode::none, !m.typed.empty()};
    float keyboard_h = keyboard_height(ctx, keypad, width);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y + avail.y - keyboard_h - theme.px(10)));
    draw_keyboard(ctx, keypad, width);
}

void draw_rating_rate(UiContext& ctx, const RatingModel& m) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    ImGui::BeginGroup();
    if (m.thanked) {
        boxed(ctx, width, theme.success, [&](float w) {
            text_block(ctx, theme.fonts.title, ctx.tr("rating.thanks"), theme.success, w);
            text_block(ctx, theme.fonts.body, ctx.tr("rating.thanks_hint"), theme.text, w);
        });
        gap(ctx, 20);
        if (big_button(ctx, "rating-done",
                       {ctx.tr("rating.done"), {}, ImVec2(width, 0), ButtonStyle::primary}))
            ctx.emit(GoHome{});
        ImGui::EndGroup();
        return;
    }
    if (!m.found) {
        error_box(ctx, width, m.error_key);
        ImGui::EndGroup();
        return;
    }
    std::string ticket_line =
        ctx.fmt("rating.ticket_line", {m.display, ctx.pick(m.service_vi, m.service_en)});
    text_block(ctx, theme.fonts.title, ticket_line, theme.text, width);
    text_block(ctx, theme.fonts.body,
               m.counter ? ctx.fmt("rating.counter_line", {std::to_string(*m.counter)})
                         : std::string(ctx.tr("rating.no_counter")),
               theme.muted, width);
    gap(ctx, 10);
    text_block(ctx, theme.fonts.body, ctx.tr("rating.question"), theme.text, width);
    gap(ctx, 10);
    const float spacing = theme.px(20);
    const float bw = (width - 2 * spacing) / 3;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const bool enabled = !m.saving;
    for (int i = 0; i < 3; ++i) {
        const int level = 3 - i; // most satisfied first, left to right
        ImGui::SetCursorScreenPos(ImVec2(row.x + static_cast<float>(i) * (bw + spacing), row.y));
        if (level_button(ctx, level, m.level == level, enabled, ImVec2(bw, theme.px(400))))
            ctx.send(PickLevel{level});
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + theme.px(400) + spacing));
    if (m.level == static_cast<int>(queue::RatingLevel::not_satisfied)) {
        text_block(ctx, theme.fonts.body, ctx.tr("rating.reasons_title"), theme.text, width);
        gap(ctx, 6);
        const float rw = (width - spacing) / 2, rh = theme.px(120);
        const ImVec2 grid = ImGui::GetCursorScreenPos();
        for (std::size_t i = 0; i < queue::kReasonNames.size(); ++i) {
            ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(i % 2) * (rw + spacing),
                                             grid.y + static_cast<float>(i / 2) * (rh + theme.px(14))));
            if (reason_toggle(ctx, i, (m.reasons >> i) & 1u, enabled, ImVec2(rw, rh)))
                ctx.send(ToggleReason{1u << i});
        }
        ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + 3 * (rh + theme.px(14))));
    }
    error_box(ctx, width, m.error_key);
    gap(ctx, 10);
    const bool ready = m.level != 0 && (m.level != 1 || m.reasons != 0) && !m.saving;
    if (big_button(ctx, "rating-send",
                   {ctx.tr(m.saving ? "rating.sending" : "rating.send"),
                    {},
                    ImVec2(width, 0),
                    ButtonStyle::primary,
                    ready}))
        ctx.send(SendRating{});
    ImGui::EndGroup();
}

} // namespace kiosk::ui
