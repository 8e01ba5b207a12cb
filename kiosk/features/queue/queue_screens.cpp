#include "kiosk/features/queue/queue_screens.hpp"

#include "kiosk/features/queue/queue_commands.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

std::string join_counters(const std::vector<int>& counters) {
    std::string out;
    for (int c : counters)
        out += (out.empty() ? "" : ", ") + std::to_string(c);
    return out;
}

// A rounded panel behind the content that follows; returns its top-left. Call end_panel with the same origin.
void panel(const UiContext& ctx, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, fill, ctx.theme().px(22));
    if (border) draw->AddRect(min, max, border, ctx.theme().px(22), 0, ctx.theme().px(4));
}

void message_box(UiContext& ctx, float width, std::string_view title, std::string_view body, ImU32 accent) {
    boxed(ctx, width, accent, [&](float inner) {
        text_block(ctx, ctx.theme().fonts.title, title, accent, inner);
        if (!body.empty()) text_block(ctx, ctx.theme().fonts.body, body, ctx.theme().text, inner);
    });
}

// The groups served first (queue.priority_hint names the laws); "other" covers anyone staff accept.
const char* const priority_kinds[] = {"elderly", "disability", "pregnant", "small_child", "merit", "other"};

} // namespace

void draw_queue_services(UiContext& ctx, const QueueModel& q) {
    const Theme& theme = ctx.theme();
    float pad = theme.px(40);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(avail.x - 2 * pad);
    float width = avail.x - 2 * pad;
    ImGui::Dummy(ImVec2(width, 0));

    if (!q.store_error_key.empty()) message_box(ctx, width, ctx.tr(q.store_error_key), {}, theme.danger);
    if (!q.error_key.empty()) message_box(ctx, width, ctx.tr(q.error_key), {}, theme.danger);
    if (q.issuing) message_box(ctx, width, ctx.tr("queue.issuing"), {}, theme.primary);

    if (q.chosen_service.empty()) {
        text_block(ctx, theme.fonts.body, ctx.tr("queue.pick_hint"), theme.muted, width);
        text_block(ctx, theme.fonts.small, ctx.tr("queue.priority_row_hint"), theme.text, width);
        gap(ctx, 20);
        float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(40);
        float row_w = width - theme.px(24);
        // The priority button beside each service: wide enough for its label at any text size.
        float prio_w = std::max(theme.px(230),
                                measure(theme.fonts.title, ctx.tr("queue.priority_button")).x + theme.px(60));
        if (begin_drag_scroll(ctx, "services", ImVec2(width, list_h))) {
            for (const auto& s : q.services) {
                std::string sub = ctx.fmt("queue.counters", {join_counters(s.counters)});
                if (s.waiting >= 0)
                    sub += "  ·  " + ctx.fmt("queue.waiting_now", {std::to_string(s.waiting)});
                if (!s.open) sub = std::string(ctx.tr("queue.error.closed"));
                bool enabled = s.open && !q.issuing && q.store_error_key.empty();
                bool with_priority = s.priority_allowed;
                float main_w = with_priority ? row_w - prio_w - theme.px(16) : row_w;
                std::string_view name = ctx.pick(s.name_vi, s.name_en);
                float row_h =
                    std::max(theme.px(190), measure(theme.fonts.title, name, main_w - theme.px(60)).y +
                                                measure(theme.fonts.small, sub, main_w - theme.px(60)).y +
                                                theme.px(60));
                // One tap on the service prints a regular ticket at once.
                if (big_button(ctx, s.code.c_str(),
                               {name, sub, ImVec2(main_w, row_h), ButtonStyle::secondary, enabled}))
                    ctx.send(features::queue_ui::IssueTicket{s.code, ""});
                if (with_priority) {
                    ImGui::SameLine(0, theme.px(16));
                    std::string id = "priority-" + s.code;
                    if (big_button(ctx, id.c_str(),
                                   {ctx.tr("queue.priority_button"),
                                    {},
                                    ImVec2(prio_w, row_h),
                                    ButtonStyle::priority,
                                    enabled}))
                        ctx.send(features::queue_ui::PickService{s.code});
                }
                gap(ctx, 10);
            }
        }
        end_drag_scroll();
    } else {
        const QueueServiceView* chosen = nullptr;
        for (const auto& s : q.services)
            if (s.code == q.chosen_service) chosen = &s;
        // In landscape the question sits in a left column and the groups use the whole height beside it;
        // in portrait the question is above them.
        const bool landscape = avail.x > avail.y;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float question_w = landscape ? width * 0.3f : width;
        if (chosen)
            text_block(ctx, theme.fonts.body, ctx.pick(chosen->name_vi, chosen->name_en), theme.muted,
                       question_w);
        text_block(ctx, theme.fonts.title, ctx.tr("queue.priority_question"), theme.text, question_w);
        text_block(ctx, theme.fonts.small, ctx.tr("queue.priority_hint"), theme.muted, question_w);
        gap(ctx, 20);
        const float groups_x = landscape ? top.x + question_w + theme.px(40) : top.x;
        const float groups_w = landscape ? width - question_w - theme.px(40) : width;
        if (landscape) ImGui::SetCursorScreenPos(ImVec2(groups_x, top.y));
        bool enabled = !q.issuing;
        // The groups and "another service" scroll when they do not fit (large text), so none is ever out of
        // reach. Two columns: long labels wrap, and each row is as tall as its taller label.
        const float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(20);
        if (begin_drag_scroll(ctx, "priority-groups", ImVec2(groups_w, list_h))) {
            const float inner = groups_w - theme.px(28);       // room for the scroll bar
            const float button_w = (inner - theme.px(24)) / 2; // two columns
            const float min_h = landscape ? theme.min_target() : theme.px(150);
            auto label_h = [&](const char* kind) {
                return measure(theme.fonts.title, ctx.tr(std::string("queue.priority.") + kind),
                               button_w - theme.px(60))
                           .y +
                       theme.px(50);
            };
            const std::size_t count = std::size(priority_kinds);
            for (std::size_t row = 0; row < count; row += 2) {
                float h = min_h;
                for (std::size_t i = row; i < std::min(count, row + 2); ++i)
                    h = std::max(h, label_h(priority_kinds[i]));
                for (std::size_t i = row; i < std::min(count, row + 2); ++i) {
                    if (i > row) ImGui::SameLine(0, theme.px(24));
                    const char* kind = priority_kinds[i];
                    if (big_button(ctx, kind,
                                   {ctx.tr(std::string("queue.priority.") + kind),
                                    {},
                                    ImVec2(button_w, h),
                                    ButtonStyle::secondary,
                                    enabled}))
                        ctx.send(features::queue_ui::IssueTicket{q.chosen_service, kind});
                }
                gap(ctx, 10);
            }
            gap(ctx, 10);
            if (big_button(
                    ctx, "other-service",
                    {ctx.tr("queue.other_service"), {}, ImVec2(inner, 0), ButtonStyle::secondary, enabled}))
                ctx.send(features::queue_ui::PickService{""});
        }
        end_drag_scroll();
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

namespace {

// The ticket card: service, the number very large, priority, time, people ahead, counters. Returns its
// bottom.
float draw_ticket_card(UiContext& ctx, const TicketView& t, float card_w, bool with_time) {
    const Theme& theme = ctx.theme();
    ImVec2 card = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    float inner = card_w - 2 * theme.px(30);
    ImGui::SetCursorScreenPos(ImVec2(card.x + theme.px(30), card.y + theme.px(16)));
    ImGui::BeginGroup();
    text_block(ctx, theme.fonts.body, ctx.pick(t.service_vi, t.service_en), theme.muted, inner, true);
    text_block(ctx, theme.fonts.huge, t.display, theme.primary, inner, true);
    if (!t.priority_key.empty())
        text_block(ctx, theme.fonts.title,
                   std::string(ctx.tr("queue.priority_label")) + " – " + std::string(ctx.tr(t.priority_key)),
                   theme.warning, inner, true);
    if (with_time)
        text_block(ctx, theme.fonts.small, ctx.fmt("queue.issued_at", {t.issued_time}), theme.muted, inner,
                   true);
    gap(ctx, 6);
    text_block(ctx, theme.fonts.body,
               t.ahead > 0 ? ctx.fmt("queue.ahead", {std::to_string(t.ahead)})
                           : std::string(ctx.tr("queue.nobody_ahead")),
               theme.text, inner, true);
    if (t.wait_minutes >= 0)
        text_block(ctx, theme.fonts.body, ctx.fmt("queue.wait_estimate", {std::to_string(t.wait_minutes)}),
                   theme.text, inner, true);
    text_block(ctx, theme.fonts.body, ctx.fmt("queue.go_to_counters", {join_counters(t.counters)}),
               theme.text, inner, true);
    ImGui::EndGroup();
    float card_bottom = ImGui::GetItemRectMax().y + theme.px(16);
    draw->ChannelsSetCurrent(0);
    panel(ctx, card, ImVec2(card.x + card_w, card_bottom), theme.panel, theme.border);
    draw->ChannelsMerge();
    return card_bottom;
}

// Where the QR, its caption (ticket code, and the time when the card leaves it out) and the print result go:
// stacked = QR centred, caption under it, result below (portrait); column = QR with the caption beside it,
// result below (the landscape column); row = QR with the result beside it, caption on one line below
// (portrait with large text, where height is scarce).
enum class QrLayout { stacked, column, row };

void print_result_box(UiContext& ctx, const TicketView& t, float width, ImFont* title_font) {
    const Theme& theme = ctx.theme();
    ImU32 accent = t.printed ? theme.success : theme.danger;
    boxed(ctx, width, accent, [&](float inner) {
        if (t.printed) {
            text_block(ctx, title_font, ctx.tr("queue.printed_ok"), accent, inner);
        } else {
            // The fault's own text already says the number is valid and to photograph the screen.
            text_block(ctx, title_font, ctx.tr("queue.print_failed_title"), accent, inner);
            text_block(ctx, theme.fonts.body, ctx.tr(t.print_fault_key), theme.text, inner);
        }
    });
}

void draw_ticket_qr_and_result(UiContext& ctx, const TicketView& t, ImVec2 pos, float width, float qr_side,
                               QrLayout layout) {
    const Theme& theme = ctx.theme();
    std::string caption = ctx.fmt("queue.ticket_code", {t.ticket_id});
    std::string issued = ctx.fmt("queue.issued_at", {t.issued_time});
    float result_w = width - theme.px(28); // clear of the scrollbar
    // With large text the confirmation beside the card or the QR uses the small font, which is still larger
    // than the normal body text.
    ImFont* title_font = layout == QrLayout::stacked ? theme.fonts.title
                         : theme.text_scale > 1.0f   ? theme.fonts.small
                                                     : theme.fonts.body;
    ImGui::SetCursorScreenPos(pos);
    if (layout == QrLayout::row) {
        draw_qr(t.qr, qr_side);
        float box_x = pos.x + qr_side + theme.px(24);
        ImGui::SetCursorScreenPos(ImVec2(box_x, pos.y));
        ImGui::BeginGroup();
        print_result_box(ctx, t, result_w - qr_side - theme.px(24), title_font);
        ImGui::EndGroup();
        float below = std::max(pos.y + qr_side, ImGui::GetItemRectMax().y) + theme.px(10);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, below));
        text_block(ctx, theme.fonts.small, caption + "  ·  " + issued, theme.muted, result_w);
        return;
    }
    if (layout == QrLayout::column) {
        draw_qr(t.qr, qr_side);
        // Beside the QR: its code and the time the number was taken (the card leaves it out here).
        caption += "\n" + issued;
        float caption_w = result_w - qr_side - theme.px(24);
        ImVec2 size = measure(theme.fonts.small, caption, caption_w);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + qr_side + theme.px(24), pos.y + (qr_side - size.y) / 2));
        text_block(ctx, theme.fonts.small, caption, theme.muted, caption_w);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + qr_side + theme.px(20)));
    } else {
        ImVec2 qr_pos(pos.x + (width - qr_side) / 2, pos.y);
        ImGui::SetCursorScreenPos(qr_pos);
        draw_qr(t.qr, qr_side);
        ImGui::SetCursorScreenPos(ImVec2(qr_pos.x, ImGui::GetCursorScreenPos().y));
        text_block(ctx, theme.fonts.small, caption, theme.muted, qr_side, true);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y + theme.px(12)));
    }
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(result_w, 0));
    print_result_box(ctx, t, result_w, title_font);
    ImGui::EndGroup();
}

} // namespace

void draw_queue_ticket(UiContext& ctx, const QueueModel& q) {
    const Theme& theme = ctx.theme();
    float pad = theme.px(40);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = avail.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ImGui::BeginGroup();
    if (!q.ticket) {
        text_block(ctx, theme.fonts.body, ctx.tr(q.error_key.empty() ? "queue.issuing" : q.error_key),
                   theme.muted, width);
        ImGui::EndGroup();
        return;
    }
    const TicketView& t = *q.ticket;
    bool landscape = avail.x > avail.y;
    bool large = theme.text_scale > 1.0f;
    float done_h = theme.min_target();
    ImVec2 top = ImGui::GetCursorScreenPos();
    if (landscape) {
        // Landscape: the card on the left, using the whole height; on the right the QR, the print result and
        // "Done" pinned at the bottom. Each side scrolls on its own if its words ever do not fit.
        float column_w = theme.px(large ? 640 : 560);
        float card_w = width - column_w - theme.px(40);
        float height = avail.y - theme.px(20);
        if (begin_drag_scroll(ctx, "ticket", ImVec2(card_w, height))) {
            float bottom = draw_ticket_card(ctx, t, card_w - theme.px(28), false);
            ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
            ImGui::Dummy(ImVec2(1, 1));
        }
        end_drag_scroll();
        float column_x = top.x + card_w + theme.px(40);
        float column_h = height - done_h - theme.px(20);
        ImGui::SetCursorScreenPos(ImVec2(column_x, top.y));
        if (begin_drag_scroll(ctx, "ticket-side", ImVec2(column_w, column_h))) {
            draw_ticket_qr_and_result(ctx, t, ImGui::GetCursorScreenPos(), column_w,
                                      theme.px(large ? 170 : 200), QrLayout::column);
            ImGui::Dummy(ImVec2(1, 1));
        }
        end_drag_scroll();
        ImGui::SetCursorScreenPos(ImVec2(column_x, top.y + column_h + theme.px(20)));
        if (big_button(ctx, "ticket-done",
                       {ctx.tr("queue.done"), {}, ImVec2(column_w, done_h), ButtonStyle::primary}))
            ctx.emit(GoHome{});
        ImGui::EndGroup();
        return;
    }
    // Portrait: card, QR and print result one under the other; "Done" pinned at the bottom and what is above
    // it scrolls if it ever does not fit. With large text the QR is smaller with its code and the time beside
    // it (the card leaves the time out), so the print result stays above the fold.
    float scroll_h = avail.y - done_h - theme.px(large ? 40 : 60);
    if (begin_drag_scroll(ctx, "ticket", ImVec2(width, scroll_h))) {
        float inner_w = width - theme.px(28);
        float bottom = draw_ticket_card(ctx, t, inner_w, !large);
        draw_ticket_qr_and_result(ctx, t, ImVec2(top.x, bottom + theme.px(large ? 12 : 20)), inner_w,
                                  theme.px(large ? 170 : 330), large ? QrLayout::row : QrLayout::stacked);
        ImGui::Dummy(ImVec2(1, 1));
    }
    end_drag_scroll();
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + scroll_h + theme.px(20)));
    if (big_button(ctx, "ticket-done",
                   {ctx.tr("queue.done"), {}, ImVec2(width, done_h), ButtonStyle::primary}))
        ctx.emit(GoHome{});
    ImGui::EndGroup();
}

} // namespace kiosk::ui
