#include "kiosk/features/display/display_screens.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

// Text centred in [min, max] horizontally at height y.
void centred(UiContext& ctx, ImFont* font, std::string_view text, ImVec2 min, ImVec2 max, float y,
             ImU32 color) {
    const auto size = measure(font, text);
    text_at(ctx, font, text, ImVec2(min.x + std::max(0.f, (max.x - min.x - size.x) / 2), y), color);
}

void draw_counters(UiContext& ctx, const DisplayModel& m, ImVec2 min, ImVec2 max) {
    const Theme& t = ctx.theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int n = std::max<int>(1, static_cast<int>(m.counters.size()));
    const int columns = m.landscape ? (n > 4 ? 3 : 2) : 2;
    const int rows = (n + columns - 1) / columns;
    const float gap = t.px(16);
    const float w = (max.x - min.x - gap * (columns - 1)) / columns;
    const float h = std::min(t.px(260), (max.y - min.y - gap * (rows - 1)) / rows);
    for (int i = 0; i < static_cast<int>(m.counters.size()); ++i) {
        const auto& c = m.counters[static_cast<std::size_t>(i)];
        const ImVec2 a(min.x + (i % columns) * (w + gap), min.y + (i / columns) * (h + gap));
        const ImVec2 b(a.x + w, a.y + h);
        const ImU32 fill = c.highlight ? t.header : t.secondary;
        const ImU32 ink = c.highlight ? t.header_text : t.text;
        draw->AddRectFilled(a, b, fill, t.px(18));
        draw->AddRect(a, b, c.highlight ? t.header : t.border, t.px(18), 0, t.px(3));
        centred(ctx, t.fonts.title, ctx.fmt("display.counter", {std::to_string(c.counter)}), a, b,
                a.y + t.px(14), c.highlight ? t.header_text : t.muted);
        if (c.paused && c.ticket.empty())
            centred(ctx, t.fonts.title, ctx.tr("display.paused"), a, b, a.y + h * 0.5f, t.warning);
        else if (c.ticket.empty()) // the huge font has digits and capitals only
            centred(ctx, t.fonts.title, ctx.tr("display.free"), a, b, a.y + h * 0.5f, t.disabled);
        else
            centred(ctx, t.fonts.huge, c.ticket, a, b, a.y + h * 0.38f, ink);
    }
}

void draw_lists(UiContext& ctx, const DisplayModel& m, ImVec2 min, ImVec2 max) {
    const Theme& t = ctx.theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, t.secondary, t.px(18));
    float y = min.y + t.px(16);
    const float x = min.x + t.px(24), right = max.x - t.px(24);
    text_at(ctx, t.fonts.title, ctx.tr("display.last_calls"), ImVec2(x, y), t.primary);
    y += t.fonts.title->FontSize + t.px(10);
    if (m.last_calls.empty()) {
        text_at(ctx, t.fonts.body, ctx.tr("display.no_calls"), ImVec2(x, y), t.muted);
        y += t.fonts.body->FontSize + t.px(8);
    }
    for (const auto& call : m.last_calls) {
        text_at(ctx, t.fonts.title, call.ticket, ImVec2(x, y), t.text);
        const std::string where =
            ctx.fmt("display.counter", {std::to_string(call.counter)}) + "  " + call.time;
        text_at(ctx, t.fonts.body, where, ImVec2(right - measure(t.fonts.body, where).x, y), t.muted);
        y += t.fonts.title->FontSize + t.px(8);
    }
    y += t.px(18);
    draw->AddLine(ImVec2(x, y), ImVec2(right, y), t.border, t.px(2));
    y += t.px(16);
    text_at(ctx, t.fonts.title, ctx.tr("display.waiting"), ImVec2(x, y), t.primary);
    y += t.fonts.title->FontSize + t.px(10);
    for (const auto& s : m.services) {
        if (y > max.y - t.fonts.body->FontSize) break;
        const std::string count = std::to_string(s.waiting);
        text_at(ctx, t.fonts.body, ctx.pick(s.name_vi, s.name_en), ImVec2(x, y), t.text);
        text_at(ctx, t.fonts.title, count, ImVec2(right - measure(t.fonts.title, count).x, y), t.text);
        y += t.fonts.title->FontSize + t.px(6);
    }
}

} // namespace

void draw_display_board(UiContext& ctx, const DisplayModel& m) {
    const Theme& t = ctx.theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    draw->AddRectFilled(ImVec2(0, 0), size, t.background);
    // Title bar: office and clock.
    const float bar = t.px(110);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, bar), t.header);
    const float pad = t.px(28);
    text_at(ctx, t.fonts.title, ctx.pick(m.office_vi, m.office_en),
            ImVec2(pad, (bar - t.fonts.title->FontSize) / 2), t.header_text);
    text_at(ctx, t.fonts.huge, m.clock,
            ImVec2(size.x - pad - measure(t.fonts.huge, m.clock).x, (bar - t.fonts.huge->FontSize) / 2),
            t.header_text);
    float top = bar + pad;
    // The call being announced, across the width.
    if (!m.announce_ticket.empty()) {
        const float h = t.px(120);
        draw->AddRectFilled(ImVec2(pad, top), ImVec2(size.x - pad, top + h), t.primary, t.px(18));
        const std::string line =
            ctx.fmt("display.call_banner", {m.announce_ticket, std::to_string(m.announce_counter)});
        centred(ctx, t.fonts.title, line, ImVec2(pad, top), ImVec2(size.x - pad, top + h),
                top + (h - t.fonts.title->FontSize) / 2, t.header_text);
        top += h + pad;
    }
    if (!m.error_key.empty()) {
        text_at(ctx, t.fonts.title, ctx.tr(m.error_key), ImVec2(pad, top), t.danger);
        top += t.fonts.title->FontSize + pad;
    } else if (!m.loaded) {
        text_at(ctx, t.fonts.body, ctx.tr("display.loading"), ImVec2(pad, top), t.muted);
        return;
    }
    if (m.landscape) {
        const float split = size.x * 0.64f;
        draw_counters(ctx, m, ImVec2(pad, top), ImVec2(split - pad / 2, size.y - pad));
        draw_lists(ctx, m, ImVec2(split + pad / 2, top), ImVec2(size.x - pad, size.y - pad));
    } else {
        const float split = top + (size.y - top) * 0.52f;
        draw_counters(ctx, m, ImVec2(pad, top), ImVec2(size.x - pad, split - pad / 2));
        draw_lists(ctx, m, ImVec2(pad, split + pad / 2), ImVec2(size.x - pad, size.y - pad));
    }
}

} // namespace kiosk::ui
