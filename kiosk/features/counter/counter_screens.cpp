#include "kiosk/features/counter/counter_screens.hpp"

#include "kiosk/features/counter/counter_commands.hpp"
#include "kiosk/features/rating/rating_choice.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

using features::counter_ui::Action;
using features::counter_ui::CounterAction;
using features::counter_ui::PinKey;

void action_button(UiContext& ctx, const char* id, std::string_view label, std::string_view key, ImVec2 size,
                   ButtonStyle style, bool enabled, Action action) {
    if (big_button(ctx, id, {label, key, size, style, enabled})) ctx.send(CounterAction{action});
}

// The PIN pad: staff type the counter's PIN (touch or keyboard) before the console opens.
void draw_pin_pad(UiContext& ctx, const CounterModel& m, float width) {
    const Theme& t = ctx.theme();
    if (m.pin_missing) {
        text_block(ctx, t.fonts.title, ctx.fmt("counter.pin_missing", {std::to_string(m.counter)}), t.danger,
                   width);
        return;
    }
    text_block(ctx, t.fonts.title, ctx.tr("counter.pin_prompt"), t.text, width);
    std::string dots; // one per typed digit
    for (int i = 0; i < m.pin_digits; ++i)
        dots += "• ";
    text_block(ctx, t.fonts.title, dots.empty() ? std::string("–") : dots, t.primary, width, true);
    if (m.pin_locked_seconds > 0)
        text_block(ctx, t.fonts.body, ctx.fmt("counter.pin_locked", {std::to_string(m.pin_locked_seconds)}),
                   t.danger, width);
    else if (!m.pin_message_key.empty())
        text_block(ctx, t.fonts.body, ctx.tr(m.pin_message_key), t.danger, width);
    if (m.pin_checking) text_block(ctx, t.fonts.small, ctx.tr("counter.pin_checking"), t.muted, width);
    gap(ctx, 12);
    const bool enabled = !m.pin_checking && m.pin_locked_seconds == 0;
    const float kw = (width - 2 * t.px(16)) / 3, kh = t.px(90);
    const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', 'B'};
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, t.px(16));
        const char key = keys[i];
        const std::string label = key == 'C'   ? std::string(ctx.tr("counter.pin_clear"))
                                  : key == 'B' ? std::string(ctx.tr("counter.pin_erase"))
                                               : std::string(1, key);
        const std::string id = std::string("pin-") + key;
        if (big_button(ctx, id.c_str(), {label, {}, ImVec2(kw, kh), ButtonStyle::secondary, enabled}))
            ctx.send(PinKey{key});
        if (i % 3 == 2) gap(ctx, 8);
    }
    if (big_button(ctx, "pin-ok",
                   {ctx.tr("counter.pin_ok"),
                    {},
                    ImVec2(width, kh),
                    ButtonStyle::primary,
                    enabled && m.pin_digits > 0}))
        ctx.send(PinKey{'E'});
}

// Right after "Done": the citizen rates the service with the kiosk's own choice, or skips; the console
// comes back by itself after a short while.
void draw_rating_prompt(UiContext& ctx, const CounterRatingView& r, float width, float bottom) {
    const Theme& t = ctx.theme();
    if (r.thanked) {
        boxed(ctx, width, t.success, [&](float w) {
            text_block(ctx, t.fonts.title, ctx.tr("rating.thanks"), t.success, w);
            text_block(ctx, t.fonts.body, ctx.tr("rating.thanks_hint"), t.text, w);
        });
        return;
    }
    // Title, and on its right how long until the console comes back.
    const ImVec2 title_at = ImGui::GetCursorScreenPos();
    const std::string closes = ctx.fmt("rating.counter_closes", {std::to_string(r.seconds_left)});
    const float closes_w = measure(t.fonts.body, closes).x;
    text_block(ctx, t.fonts.title, ctx.tr("rating.counter_title"), t.primary, width - closes_w - t.px(24));
    const ImVec2 after_title = ImGui::GetCursorScreenPos();
    text_at(ctx, t.fonts.body, closes, ImVec2(title_at.x + width - closes_w, title_at.y + t.px(6)), t.muted);
    ImGui::SetCursorScreenPos(after_title);
    text_block(ctx, t.fonts.body,
               ctx.fmt("rating.ticket_line", {r.ticket, ctx.pick(r.service_vi, r.service_en)}) + "  ·  " +
                   std::string(ctx.tr("rating.question")),
               t.text, width);
    gap(ctx, 8);
    // Level buttons as tall as the screen allows once the reasons and the buttons below have their room; on a
    // wide console the reasons go in three columns.
    RatingChoiceLayout layout;
    const bool wide = width > t.px(1100);
    layout.reason_columns = wide ? 3 : 2;
    layout.reason_h = wide ? t.px(90) : t.px(120);
    const float bh = t.px(90);
    // Everything drawn under the level buttons, as drawn: their spacing, the reasons, the error line, gap(8)
    // and the Send/Skip row.
    const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
    const float below = t.px(20) + (r.level == 1 ? rating_reasons_height(ctx, layout) : 0.0f) +
                        (r.error_key.empty() ? 0.0f : t.fonts.body->FontSize * 1.15f + spacing_y) + t.px(8) +
                        spacing_y + bh;
    const float top = ImGui::GetCursorScreenPos().y;
    layout.button_h = std::clamp(bottom - top - below, t.px(190), t.px(400));
    const auto tap = draw_rating_choice(ctx, {r.level, r.reasons, !r.saving}, width, layout);
    if (tap.level) ctx.send(features::counter_ui::RatingPick{tap.level});
    if (tap.reason) ctx.send(features::counter_ui::RatingToggle{tap.reason});
    if (!r.error_key.empty()) text_block(ctx, t.fonts.body, ctx.tr(r.error_key), t.danger, width);
    gap(ctx, 8);
    const bool ready = r.level != 0 && (r.level != 1 || r.reasons != 0) && !r.saving;
    const float skip_w = width * 0.3f;
    if (big_button(ctx, "rating-send",
                   {ctx.tr(r.saving ? "rating.sending" : "rating.send"),
                    {},
                    ImVec2(width - skip_w - t.px(16), bh),
                    ButtonStyle::primary,
                    ready}))
        ctx.send(features::counter_ui::RatingSend{});
    ImGui::SameLine(0, t.px(16));
    if (big_button(
            ctx, "rating-skip",
            {ctx.tr("rating.counter_skip"), {}, ImVec2(skip_w, bh), ButtonStyle::secondary, !r.saving}))
        ctx.send(features::counter_ui::RatingSkip{});
}

} // namespace

void draw_counter_console(UiContext& ctx, const CounterModel& m) {
    const Theme& t = ctx.theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    draw->AddRectFilled(ImVec2(0, 0), size, t.background);
    const float bar = t.px(110), pad = t.px(28);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, bar), t.header);
    const std::string title = ctx.fmt("counter.title", {std::to_string(m.counter)});
    text_at(ctx, t.fonts.title, title, ImVec2(pad, (bar - t.fonts.title->FontSize) / 2), t.header_text);
    if (m.unlocked && !m.rating.open) { // back to the PIN pad when staff leave the counter
        const std::string lock = std::string(ctx.tr("counter.lock")) + " (L)";
        const ImVec2 lock_size(measure(t.fonts.title, lock).x + t.px(72), t.px(72));
        ImGui::SetCursorScreenPos(ImVec2(pad * 2 + measure(t.fonts.title, title).x, (bar - lock_size.y) / 2));
        if (big_button(ctx, "lock", {lock, {}, lock_size, ButtonStyle::secondary, true}))
            ctx.send(CounterAction{Action::lock});
    }
    std::string stats = ctx.fmt("counter.served_today", {std::to_string(m.served_today)});
    if (m.average_service_min >= 0)
        stats += "  ·  " + ctx.fmt("counter.average", {std::to_string(m.average_service_min)});
    const float stats_w = measure(t.fonts.body, stats).x;
    const float clock_w = measure(t.fonts.title, m.clock).x;
    text_at(ctx, t.fonts.body, stats,
            ImVec2(size.x - pad * 2 - clock_w - stats_w, (bar - t.fonts.body->FontSize) / 2), t.header_text);
    text_at(ctx, t.fonts.title, m.clock, ImVec2(size.x - pad - clock_w, (bar - t.fonts.title->FontSize) / 2),
            t.header_text);

    const bool landscape = size.x > size.y;
    const float left_w = landscape ? size.x * 0.55f : size.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(pad, bar + pad));
    ImGui::BeginGroup();
    if (m.counter <= 0) {
        text_block(ctx, t.fonts.title, ctx.tr("counter.no_number"), t.danger, left_w);
        ImGui::EndGroup();
        return;
    }
    if (!m.error_key.empty()) text_block(ctx, t.fonts.body, ctx.tr(m.error_key), t.danger, left_w);
    if (!m.unlocked) {
        draw_pin_pad(ctx, m, left_w);
        ImGui::EndGroup();
        return;
    }
    if (m.rating.open) { // the citizen's turn: the whole width, no staff buttons
        draw_rating_prompt(ctx, m.rating, size.x - 2 * pad, size.y - pad);
        ImGui::EndGroup();
        return;
    }
    // The current ticket.
    boxed(ctx, left_w, m.paused ? t.warning : t.primary, [&](float inner) {
        text_block(ctx, t.fonts.body, ctx.tr(m.paused ? "counter.paused" : "counter.current"), t.muted,
                   inner);
        if (m.current.empty()) {
            text_block(ctx, t.fonts.title, ctx.tr("counter.none_current"), t.disabled, inner);
        } else {
            text_block(ctx, t.fonts.huge, m.current, t.text, inner);
            text_block(ctx, t.fonts.body, ctx.pick(m.current_service_vi, m.current_service_en), t.muted,
                       inner);
        }
    });
    gap(ctx, 16);
    const bool idle = m.loaded && !m.working;
    const bool has = !m.current.empty();
    const float bw = (left_w - t.px(16)) / 2, bh = t.px(80);
    if (m.picking_transfer) {
        text_block(ctx, t.fonts.title, ctx.tr("counter.transfer_to"), t.text, left_w);
        for (const auto& s : m.transfer_targets) {
            if (big_button(ctx, ("to-" + s.code).c_str(),
                           {ctx.pick(s.name_vi, s.name_en),
                            {},
                            ImVec2(left_w, t.px(100)),
                            ButtonStyle::secondary,
                            idle}))
                ctx.send(features::counter_ui::TransferTo{s.code});
            gap(ctx, 8);
        }
        action_button(ctx, "transfer-cancel", ctx.tr("counter.cancel"), "Esc", ImVec2(left_w, t.px(100)),
                      ButtonStyle::secondary, true, Action::close_transfer);
    } else {
        action_button(ctx, "call-next", ctx.tr("counter.call_next"), "N", ImVec2(bw, bh),
                      ButtonStyle::primary, idle && !m.paused, Action::call_next);
        ImGui::SameLine(0, t.px(16));
        action_button(ctx, "pause", ctx.tr(m.paused ? "counter.resume" : "counter.pause"), "P",
                      ImVec2(bw, bh), m.paused ? ButtonStyle::primary : ButtonStyle::secondary, idle,
                      m.paused ? Action::resume : Action::pause);
        gap(ctx, 8);
        action_button(ctx, "recall", ctx.tr("counter.recall"), "R", ImVec2(bw, bh), ButtonStyle::secondary,
                      idle && has, Action::recall);
        ImGui::SameLine(0, t.px(16));
        action_button(ctx, "served", ctx.tr("counter.served"), "D", ImVec2(bw, bh), ButtonStyle::secondary,
                      idle && has, Action::serve);
        gap(ctx, 8);
        action_button(ctx, "skip", ctx.tr("counter.skip"), "S", ImVec2(bw, bh), ButtonStyle::secondary,
                      idle && has, Action::skip);
        ImGui::SameLine(0, t.px(16));
        action_button(ctx, "transfer", ctx.tr("counter.transfer"), "T", ImVec2(bw, bh),
                      ButtonStyle::secondary, idle && has, Action::open_transfer);
    }
    ImGui::EndGroup();

    // The waiting list per service.
    const ImVec2 list_min =
        landscape ? ImVec2(pad * 2 + left_w, bar + pad) : ImVec2(pad, ImGui::GetCursorScreenPos().y + pad);
    const ImVec2 list_max(size.x - pad, size.y - pad);
    if (list_max.y - list_min.y < t.px(120)) return;
    draw->AddRectFilled(list_min, list_max, t.secondary, t.px(18));
    float y = list_min.y + t.px(16);
    const float x = list_min.x + t.px(24), right = list_max.x - t.px(24);
    text_at(ctx, t.fonts.title, ctx.tr("counter.waiting"), ImVec2(x, y), t.primary);
    y += t.fonts.title->FontSize + t.px(10);
    for (const auto& s : m.services) {
        if (y > list_max.y - t.fonts.title->FontSize) break;
        const std::string head = ctx.pick(s.name_vi, s.name_en);
        const std::string count = ctx.fmt("counter.waiting_count", {std::to_string(s.waiting.size())});
        text_at(ctx, t.fonts.title, head, ImVec2(x, y), t.text);
        y += t.fonts.title->FontSize + t.px(2);
        text_at(ctx, t.fonts.small, count, ImVec2(x, y), t.muted);
        y += t.fonts.small->FontSize + t.px(6);
        for (std::size_t i = 0; i < s.waiting.size() && i < 6; ++i) {
            if (y > list_max.y - t.fonts.body->FontSize) break;
            const auto& w = s.waiting[i];
            std::string label = w.ticket;
            if (w.priority) label += "  " + std::string(ctx.tr("counter.priority"));
            const std::string waited = ctx.fmt("counter.waited", {std::to_string(w.waited_min)});
            text_at(ctx, t.fonts.body, label, ImVec2(x + t.px(16), y), w.priority ? t.warning : t.text);
            text_at(ctx, t.fonts.body, waited, ImVec2(right - measure(t.fonts.body, waited).x, y), t.muted);
            y += t.fonts.body->FontSize + t.px(6);
        }
        y += t.px(10);
    }
}

} // namespace kiosk::ui
