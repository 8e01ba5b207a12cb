#include "kiosk/ui/screens/access_bar.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::ui {

namespace {

struct Switch {
    const char* id;
    const char* label_key;
    AccessMode mode;
    bool on;
};

std::vector<Switch> switches_of(const ShellModel& model) {
    std::vector<Switch> out = {
        {"access-large", "access.large_text", AccessMode::large_text, model.access.large_text},
        {"access-contrast", "access.high_contrast", AccessMode::high_contrast, model.access.high_contrast},
    };
    if (model.read_aloud_available)
        out.push_back({"access-read", "access.read_aloud", AccessMode::read_aloud, model.access.read_aloud});
    return out;
}

float inner_pad(const Theme& theme) {
    return theme.px(16);
}
float spacing(const Theme& theme) {
    return theme.px(16);
}

// The tick box drawn before each label: as tall as the label's first line.
float box_side(const Theme& theme) {
    return theme.fonts.body->FontSize * 0.9f;
}

// Height of a wrapped label as text_block draws it (1.15 line spacing).
float label_height(const UiContext& ctx, std::string_view label, float text_w) {
    return 1.15f * measure(ctx.theme().fonts.body, label, text_w).y;
}

} // namespace

AccessRowSize measure_access_row(const UiContext& ctx, const ShellModel& model, float switch_w) {
    const Theme& theme = ctx.theme();
    auto switches = switches_of(model);
    AccessRowSize size;
    const float box = box_side(theme) + theme.px(14);
    if (switch_w <= 0) {
        for (const auto& s : switches)
            switch_w = std::max(switch_w, measure(theme.fonts.body, ctx.tr(s.label_key)).x);
        switch_w = std::max(switch_w + box + 2 * inner_pad(theme) + theme.px(12), theme.min_target() * 1.5f);
    }
    size.switch_w = switch_w;
    float text_w = switch_w - 2 * inner_pad(theme) - box;
    // One height for the row: the tallest wrapped label, at least a touch target.
    float content_h = 0;
    for (const auto& s : switches)
        content_h = std::max(content_h, label_height(ctx, ctx.tr(s.label_key), text_w));
    size.switch_h = std::max(theme.min_target(), content_h + 2 * inner_pad(theme));
    float n = static_cast<float>(switches.size());
    size.width = n * switch_w + (n - 1) * spacing(theme);
    return size;
}

void draw_access_row(UiContext& ctx, const ShellModel& model, ImVec2 origin, const AccessRowSize& size) {
    const Theme& theme = ctx.theme();
    auto switches = switches_of(model);
    const float side = box_side(theme);
    const float box = side + theme.px(14);
    float text_w = size.switch_w - 2 * inner_pad(theme) - box;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < switches.size(); ++i) {
        const Switch& s = switches[i];
        ImVec2 pos(origin.x + static_cast<float>(i) * (size.switch_w + spacing(theme)), origin.y);
        ImGui::SetCursorScreenPos(pos);
        // The button draws the fill (primary when on) and handles the tap; box and words are drawn over it.
        bool tapped = big_button(ctx, s.id,
                                 {"",
                                  {},
                                  ImVec2(size.switch_w, size.switch_h),
                                  s.on ? ButtonStyle::primary : ButtonStyle::secondary});
        ImU32 ink = s.on ? IM_COL32_WHITE : theme.text;
        std::string_view label = ctx.tr(s.label_key);
        float label_h = label_height(ctx, label, text_w);
        float top = pos.y + (size.switch_h - label_h) / 2;
        // The state is the tick in the box (a shape, not only a colour): empty box = off, ticked box = on.
        ImVec2 b0(pos.x + inner_pad(theme), top + (theme.fonts.body->FontSize * 1.15f - side) / 2);
        ImVec2 b1(b0.x + side, b0.y + side);
        draw->AddRect(b0, b1, ink, theme.px(4), 0, theme.px(4));
        if (s.on) {
            ImVec2 p0(b0.x + side * 0.2f, b0.y + side * 0.55f), p1(b0.x + side * 0.42f, b0.y + side * 0.78f),
                p2(b0.x + side * 0.82f, b0.y + side * 0.24f);
            draw->AddLine(p0, p1, ink, theme.px(6));
            draw->AddLine(p1, p2, ink, theme.px(6));
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x + inner_pad(theme) + box, top));
        text_block(ctx, theme.fonts.body, label, ink, text_w);
        // Scripts find the switch by its label.
        ctx.record(std::string(label), pos, ImVec2(pos.x + size.switch_w, pos.y + size.switch_h), true);
        if (tapped) ctx.emit(ToggleAccess{s.mode});
    }
}

float draw_access_bar(UiContext& ctx, const ShellModel& model) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float pad = theme.px(40);
    float n = static_cast<float>(switches_of(model).size());
    float switch_w = (width - 2 * pad - (n - 1) * spacing(theme)) / n;
    AccessRowSize size = measure_access_row(ctx, model, switch_w);
    draw_access_row(ctx, model, ImVec2(origin.x + pad, origin.y + theme.px(16)), size);
    float used = size.switch_h + theme.px(16);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + used));
    return used;
}

} // namespace kiosk::ui
