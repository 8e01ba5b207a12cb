#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

ImVec2 measure(ImFont* font, std::string_view text, float wrap_width) {
    if (text.empty()) return ImVec2(0, font->FontSize);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

void text_at(UiContext& ctx, ImFont* font, std::string_view text, ImVec2 pos, ImU32 color) {
    if (text.empty()) return; // ImGui reads a null end pointer as "up to the terminating zero"
    ImVec2 size = measure(font, text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, color, text.data(),
                                        text.data() + text.size());
    ctx.record(std::string(text), pos, ImVec2(pos.x + size.x, pos.y + size.y), false);
}

void text_block(UiContext& ctx, ImFont* font, std::string_view text, ImU32 color, float width,
                bool centered) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Wrap line by line so centred text stays centred.
    const char* begin = text.data();
    const char* end = begin + text.size();
    float y = pos.y;
    float widest = 0;
    while (begin < end) {
        const char* line_end =
            static_cast<const char*>(memchr(begin, '\n', static_cast<size_t>(end - begin)));
        if (!line_end) line_end = end;
        const char* cursor = begin;
        if (cursor == line_end) y += font->FontSize * 1.15f;
        while (cursor < line_end) {
            const char* wrap = font->CalcWordWrapPositionA(1.0f, cursor, line_end, width);
            if (wrap == cursor) wrap = cursor + 1;
            ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, cursor, wrap);
            float x = centered ? pos.x + (width - size.x) * 0.5f : pos.x;
            draw->AddText(font, font->FontSize, ImVec2(x, y), color, cursor, wrap);
            widest = std::max(widest, size.x);
            y += font->FontSize * 1.15f;
            cursor = wrap;
            while (cursor < line_end && *cursor == ' ')
                ++cursor;
        }
        begin = line_end < end ? line_end + 1 : end;
    }
    ImVec2 max(pos.x + (centered ? width : widest), y);
    ctx.record(std::string(text), pos, max, false);
    ImGui::Dummy(ImVec2(width, y - pos.y));
}

bool big_button(UiContext& ctx, const char* id, const ButtonSpec& spec) {
    const Theme& theme = ctx.theme();
    ImVec2 size = spec.size;
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const float target = spec.key ? theme.min_target() / theme.text_scale : theme.min_target();
    if (size.y <= 0) size.y = target;
    size.x = std::max(size.x, target);
    size.y = std::max(size.y, target);
    ImFont* sub_font = theme.fonts.small;
    float pad = std::min(theme.px(36), size.x * 0.08f);
    float text_w = size.x - 2 * pad;
    std::string title(spec.title);
    // A word must never break in the middle: narrow buttons with long words use the body font.
    ImFont* title_font = theme.fonts.title;
    for (size_t start = 0; start < title.size();) {
        size_t end = title.find(' ', start);
        if (end == std::string::npos) end = title.size();
        if (measure(title_font, std::string_view(title).substr(start, end - start)).x > text_w) {
            title_font = theme.fonts.body;
            break;
        }
        start = end + 1;
    }
    ImVec2 title_size = measure(title_font, title, text_w);
    std::string_view subtitle = spec.subtitle;
    ImVec2 sub_size = subtitle.empty() ? ImVec2(0, 0) : measure(sub_font, subtitle, text_w);
    // A key cannot grow: under large text its hint line gives way to the label.
    if (spec.key && !subtitle.empty() && title_size.y + theme.px(8) + sub_size.y + theme.px(4) > size.y) {
        subtitle = {};
        sub_size = ImVec2(0, 0);
    }
    float block_h = title_size.y + (subtitle.empty() ? 0 : theme.px(8) + sub_size.y);
    // Large text: a button is never shorter than its words (flow layouts move down with it).
    if (!spec.key) size.y = std::max(size.y, block_h + theme.px(32));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    bool released = ImGui::InvisibleButton("##b", size) && spec.enabled;
    bool held = ImGui::IsItemActive() && spec.enabled && !ctx.gesture().dragging;
    ImGui::PopID();
    bool tapped = released && !ctx.gesture().dragging;

    ImU32 fill, ink, outline = 0;
    switch (spec.style) {
    case ButtonStyle::primary:
        fill = held ? theme.primary_pressed : theme.primary;
        ink = IM_COL32_WHITE;
        break;
    case ButtonStyle::danger:
        fill = held ? theme.primary_pressed : theme.danger;
        ink = IM_COL32_WHITE;
        break;
    case ButtonStyle::priority:
        fill = held ? theme.primary_pressed : theme.warning;
        ink = IM_COL32_WHITE;
        break;
    case ButtonStyle::header:
        fill = held ? IM_COL32(120, 18, 26, 255) : IM_COL32(200, 60, 66, 255);
        ink = IM_COL32_WHITE;
        break;
    case ButtonStyle::secondary:
    default:
        fill = held ? theme.secondary_pressed : theme.secondary;
        ink = theme.text;
        outline = theme.border;
        break;
    }
    if (!spec.enabled) {
        fill = spec.style == ButtonStyle::secondary ? theme.secondary : theme.disabled;
        ink = spec.style == ButtonStyle::secondary ? theme.disabled : IM_COL32_WHITE;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    float rounding = theme.px(22);
    // Pressed: the button sinks a little, which reads as a press on a touchscreen without hover.
    ImVec2 offset = held ? ImVec2(0, theme.px(4)) : ImVec2(0, 0);
    if (!held)
        draw->AddRectFilled(ImVec2(pos.x, pos.y + theme.px(5)), ImVec2(max.x, max.y + theme.px(5)),
                            IM_COL32(0, 0, 0, 40), rounding);
    draw->AddRectFilled(ImVec2(pos.x + offset.x, pos.y + offset.y),
                        ImVec2(max.x + offset.x, max.y + offset.y), fill, rounding);
    if (outline)
        draw->AddRect(ImVec2(pos.x, pos.y + offset.y), ImVec2(max.x, max.y + offset.y), outline, rounding, 0,
                      theme.px(3));

    bool centered = size.x < theme.px(520) || subtitle.empty();
    float y = pos.y + offset.y + (size.y - block_h) * 0.5f;
    auto draw_wrapped = [&](ImFont* font, const std::string& text, ImU32 color, float top) {
        ImVec2 s = measure(font, text, text_w);
        float x = centered ? pos.x + (size.x - s.x) * 0.5f : pos.x + pad;
        draw->AddText(font, font->FontSize, ImVec2(x, top), color, text.c_str(), text.c_str() + text.size(),
                      text_w);
    };
    draw_wrapped(title_font, title, ink, y);
    if (!subtitle.empty())
        draw_wrapped(sub_font, std::string(subtitle),
                     spec.style == ButtonStyle::secondary ? theme.muted
                     : theme.high_contrast                ? ink
                                                          : IM_COL32(225, 235, 250, 255),
                     y + title_size.y + theme.px(8));
    ctx.record(std::string(spec.title), pos, max, spec.enabled);
    if (!subtitle.empty()) ctx.record(std::string(subtitle), pos, max, false);
    return tapped;
}

bool begin_drag_scroll(UiContext& ctx, const char* id, ImVec2 size) {
    bool open = ImGui::BeginChild(id, size, false);
    if (open && ctx.gesture().dragging &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        float target = ImGui::GetScrollY() - ctx.gesture().drag_dy;
        ImGui::SetScrollY(std::clamp(target, 0.0f, ImGui::GetScrollMaxY()));
    }
    return open;
}

void end_drag_scroll() {
    ImGui::EndChild();
}

void boxed(UiContext& ctx, float width, ImU32 accent, const std::function<void(float)>& body) {
    const Theme& theme = ctx.theme();
    float pad = theme.px(30);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Draw the content first (channel 1) to learn its height, then the panel behind it (channel 0).
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad));
    ImGui::BeginGroup();
    body(width - 2 * pad);
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, bottom), theme.panel, theme.px(22));
    draw->AddRect(origin, ImVec2(origin.x + width, bottom), accent, theme.px(22), 0, theme.px(4));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + theme.px(24)));
}

void text_field(UiContext& ctx, std::string_view text, std::string_view placeholder, ImVec2 size) {
    const Theme& theme = ctx.theme();
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, theme.panel, theme.px(16));
    draw->AddRect(min, max, theme.primary, theme.px(16), 0, theme.px(4));
    ImFont* font = theme.fonts.title;
    float pad = theme.px(24);
    float text_y = min.y + (size.y - font->FontSize) / 2;
    std::string_view shown = text;
    while (shown.size() > 1 && measure(font, shown).x > size.x - 2 * pad - theme.px(20)) {
        shown.remove_prefix(1);
        while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80)
            shown.remove_prefix(1);
    }
    if (text.empty() && !placeholder.empty()) {
        ImFont* hint = theme.fonts.body;
        text_at(ctx, hint, placeholder, ImVec2(min.x + pad, min.y + (size.y - hint->FontSize) / 2),
                theme.muted);
    } else if (!text.empty()) {
        text_at(ctx, font, shown, ImVec2(min.x + pad, text_y), theme.text);
        ctx.record(std::string(text), min, max,
                   false); // the whole text, for scripts, even when cut on screen
    }
    float caret = min.x + pad + (shown.empty() ? 0 : measure(font, shown).x);
    draw->AddRectFilled(ImVec2(caret + 2, text_y), ImVec2(caret + theme.px(5), text_y + font->FontSize),
                        theme.primary);
    ImGui::Dummy(size);
}

ContentArea content_area(const UiContext& ctx) {
    ContentArea area;
    area.origin = ImGui::GetCursorScreenPos();
    area.avail = ImGui::GetContentRegionAvail();
    area.left = ctx.theme().px(40);
    area.width = area.avail.x - 2 * area.left;
    return area;
}

void gap(const UiContext& ctx, float design_px) {
    ImGui::Dummy(ImVec2(1, ctx.theme().px(design_px)));
}

} // namespace kiosk::ui
