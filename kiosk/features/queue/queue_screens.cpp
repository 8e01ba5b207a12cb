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
        if (chosen)
            text_block(ctx, theme.fonts.body, ctx.pick(chosen->name_vi, chosen->name_en), theme.muted, width);
        text_block(ctx, theme.fonts.title, ctx.tr("queue.priority_question"), theme.text, width);
        text_block(ctx, theme.fonts.small, ctx.tr("queue.priority_hint"), theme.muted, width);
        gap(ctx, 20);
        bool enabled = !q.issuing;
        // One column when the labels are large (large text or a narrow window), else two.
        float half = (width - theme.px(24)) / 2;
        float widest = 0;
        for (const char* kind : priority_kinds)
            widest =
                std::max(widest, measure(theme.fonts.title, ctx.tr(std::string("queue.priority.") + kind)).x);
        bool two_columns = widest + theme.px(60) <= half;
        float button_w = two_columns ? half : width;
        float button_h = theme.px(150);
        int column = 0;
        for (const char* kind : priority_kinds) {
            if (two_columns && column % 2) ImGui::SameLine(0, theme.px(24));
            std::string key = std::string("queue.priority.") + kind;
            float h = std::max(button_h, measure(theme.fonts.title, ctx.tr(key), button_w - theme.px(60)).y +
                                             theme.px(50));
            if (big_button(ctx, kind,
                           {ctx.tr(key), {}, ImVec2(button_w, h), ButtonStyle::secondary, enabled}))
                ctx.send(features::queue_ui::IssueTicket{q.chosen_service, kind});
            if (!two_columns || column % 2) gap(ctx, 10);
            ++column;
        }
        gap(ctx, 20);
        if (big_button(
                ctx, "other-service",
                {ctx.tr("queue.other_service"), {}, ImVec2(width, 0), ButtonStyle::secondary, enabled}))
            ctx.send(features::queue_ui::PickService{""});
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

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
    float qr_side = theme.px(landscape ? 240 : 330);
    // Landscape: the card on the left, a column with the QR and the print result on the right. "Done" is
    // pinned at the bottom (of that column in landscape) and what is above it scrolls when it does not fit
    // (large text), so nothing is ever cut off out of reach.
    float column_w = landscape ? std::max(theme.px(560), qr_side) : 0;
    float card_w = landscape ? width - column_w - theme.px(40) : width;
    float done_h = theme.min_target();
    float scroll_h = avail.y - done_h - theme.px(60);
    ImVec2 top = ImGui::GetCursorScreenPos();
    if (begin_drag_scroll(ctx, "ticket", ImVec2(width, scroll_h))) {
        // The ticket card: service, the number very large, priority, time, people ahead, counters.
        ImVec2 card = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        float inner = card_w - 2 * theme.px(30);
        ImGui::SetCursorScreenPos(ImVec2(card.x + theme.px(30), card.y + theme.px(24)));
        ImGui::BeginGroup();
        text_block(ctx, theme.fonts.body, ctx.pick(t.service_vi, t.service_en), theme.muted, inner, true);
        text_block(ctx, theme.fonts.huge, t.display, theme.primary, inner, true);
        if (!t.priority_key.empty())
            text_block(ctx, theme.fonts.title,
                       std::string(ctx.tr("queue.priority_label")) + " – " +
                           std::string(ctx.tr(t.priority_key)),
                       theme.warning, inner, true);
        text_block(ctx, theme.fonts.small, ctx.fmt("queue.issued_at", {t.issued_time}), theme.muted, inner,
                   true);
        gap(ctx, 10);
        text_block(ctx, theme.fonts.body,
                   t.ahead > 0 ? ctx.fmt("queue.ahead", {std::to_string(t.ahead)})
                               : std::string(ctx.tr("queue.nobody_ahead")),
                   theme.text, inner, true);
        if (t.wait_minutes >= 0)
            text_block(ctx, theme.fonts.body,
                       ctx.fmt("queue.wait_estimate", {std::to_string(t.wait_minutes)}), theme.text, inner,
                       true);
        text_block(ctx, theme.fonts.body, ctx.fmt("queue.go_to_counters", {join_counters(t.counters)}),
                   theme.text, inner, true);
        ImGui::EndGroup();
        float card_bottom = ImGui::GetItemRectMax().y + theme.px(24);
        draw->ChannelsSetCurrent(0);
        panel(ctx, card, ImVec2(card.x + card_w, card_bottom), theme.panel, theme.border);
        draw->ChannelsMerge();

        // The QR (ticket code), at the top of the right column in landscape, under the card in portrait.
        float column_x = card.x + card_w + theme.px(40);
        ImVec2 qr_pos = landscape ? ImVec2(column_x + (column_w - qr_side) / 2, card.y)
                                  : ImVec2(card.x + (width - qr_side) / 2, card_bottom + theme.px(24));
        ImGui::SetCursorScreenPos(qr_pos);
        draw_qr(t.qr, qr_side);
        ImGui::SetCursorScreenPos(ImVec2(qr_pos.x, ImGui::GetCursorScreenPos().y));
        text_block(ctx, theme.fonts.small, ctx.fmt("queue.ticket_code", {t.ticket_id}), theme.muted, qr_side,
                   true);
        float below = landscape ? ImGui::GetCursorScreenPos().y
                                : std::max(card_bottom, ImGui::GetCursorScreenPos().y) + theme.px(24);
        float result_x = landscape ? column_x : card.x;
        float result_w = (landscape ? column_w : width) - theme.px(28); // clear of the scrollbar
        ImGui::SetCursorScreenPos(ImVec2(result_x, below));
        ImGui::BeginGroup();
        ImGui::Dummy(ImVec2(result_w, 0));
        if (t.printed) {
            message_box(ctx, result_w, ctx.tr("queue.printed_ok"), {}, theme.success);
        } else {
            // The fault's own text already says the number is valid and to photograph the screen.
            std::string body(ctx.tr(t.print_fault_key));
            message_box(ctx, result_w, ctx.tr("queue.print_failed_title"), body, theme.danger);
        }
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(card.x, std::max(card_bottom, ImGui::GetItemRectMax().y)));
        ImGui::Dummy(ImVec2(1, 1));
    }
    end_drag_scroll();
    float done_x = landscape ? top.x + card_w + theme.px(40) : top.x;
    float done_w = landscape ? column_w : width;
    ImGui::SetCursorScreenPos(ImVec2(done_x, top.y + scroll_h + theme.px(20)));
    if (big_button(ctx, "ticket-done",
                   {ctx.tr("queue.done"), {}, ImVec2(done_w, done_h), ButtonStyle::primary}))
        ctx.emit(GoHome{});
    ImGui::EndGroup();
}

} // namespace kiosk::ui
