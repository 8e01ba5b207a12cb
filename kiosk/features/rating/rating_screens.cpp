#include "kiosk/features/rating/rating_screens.hpp"

#include "kiosk/core/queue/rating.hpp"
#include "kiosk/features/rating/rating_choice.hpp"
#include "kiosk/features/rating/rating_commands.hpp"

#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <string>

namespace kiosk::ui {
namespace {

using features::rating_ui::PickLevel;
using features::rating_ui::SendRating;
using features::rating_ui::SubmitTypedTicket;
using features::rating_ui::ToggleReason;

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
    const auto tap = draw_rating_choice(ctx, {m.level, m.reasons, !m.saving}, width, {theme.px(400)});
    if (tap.level) ctx.send(PickLevel{tap.level});
    if (tap.reason) ctx.send(ToggleReason{tap.reason});
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
