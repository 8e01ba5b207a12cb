#include "kiosk/ui/widgets/keyboard.hpp"

#include "kiosk/core/keyboard/labels.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

constexpr std::string_view kDigits = "1234567890";
constexpr std::string_view kLowerRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::string_view kUpperRows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM-."};

struct Metrics {
    float unit;    // width of one letter key
    float gap;     // horizontal gap between keys
    float height;  // key height
    float row_gap; // vertical gap between rows (big_button's shadow sits in it)
};

Metrics metrics(const Theme& theme, float width) {
    Metrics m;
    // Ten keys across: at 1080 px that is about 100 px a key. Keys never go below the 15 mm touch minimum:
    // the gaps shrink first, and if the width still cannot hold ten minimum keys, big_button enlarges them
    // and the rows overflow (the screen must give the keyboard 10 × min_target + 9 × 3 px).
    const float target = theme.min_target();
    m.gap = std::clamp((width - 10 * target) / 9, theme.px(3), theme.px(10));
    m.unit = std::max(target, (width - 9 * m.gap) / 10);
    m.height = std::max(target, theme.px(104));
    m.row_gap = theme.px(14);
    return m;
}

constexpr int kRows = 5;

// Width of a key spanning `units` letter keys and the gaps between them.
float span(const Metrics& m, float units) {
    return units * m.unit + (units - 1) * m.gap;
}

// One row of single-character keys starting at `x`; each emits its own character.
void character_row(UiContext& ctx, const Metrics& m, std::string_view keys, ImVec2 pos) {
    for (char c : keys) {
        const std::string label(1, c);
        ImGui::SetCursorScreenPos(pos);
        const std::string id = "key-" + label;
        if (big_button(ctx, id.c_str(), {label, {}, ImVec2(m.unit, m.height), ButtonStyle::secondary}))
            ctx.emit(KeyboardInput{label});
        pos.x += m.unit + m.gap;
    }
}

bool wide_key(UiContext& ctx, const char* id, std::string_view title, std::string_view subtitle, ImVec2 pos,
              float w, float h, ButtonStyle style, bool enabled = true) {
    ImGui::SetCursorScreenPos(pos);
    return big_button(ctx, id, {title, subtitle, ImVec2(w, h), style, enabled});
}

} // namespace

float keyboard_height(const UiContext& ctx, const KeyboardView& view, float width) {
    (void)view; // every layout has five rows
    Metrics m = metrics(ctx.theme(), width);
    return kRows * m.height + (kRows - 1) * m.row_gap + ctx.theme().px(5);
}

void draw_keyboard(UiContext& ctx, const KeyboardView& view, float width) {
    const Theme& theme = ctx.theme();
    const Metrics m = metrics(theme, width);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool code = view.layout == KeyboardLayout::code;
    const auto& rows = code ? kUpperRows : kLowerRows;
    auto row_y = [&](int row) { return origin.y + static_cast<float>(row) * (m.height + m.row_gap); };
    const float half = (m.unit + m.gap) / 2;

    ImGui::PushID("keyboard");
    character_row(ctx, m, kDigits, ImVec2(origin.x, row_y(0)));
    character_row(ctx, m, rows[0], ImVec2(origin.x, row_y(1)));
    character_row(ctx, m, rows[1], ImVec2(origin.x + half, row_y(2)));

    const std::string_view backspace = ctx.tr(keyboard::labels::backspace);
    const std::string_view clear = ctx.tr(keyboard::labels::clear);
    if (view.layout == KeyboardLayout::url) {
        // Z–M, '.' and '/' under the home row; ':', '-', '_' and the two delete keys on the bottom row.
        character_row(ctx, m, "zxcvbnm./", ImVec2(origin.x + half, row_y(3)));
        character_row(ctx, m, ":-_", ImVec2(origin.x, row_y(4)));
        const float left = 3 * (m.unit + m.gap);
        const float w = (width - left - m.gap) / 2;
        if (wide_key(ctx, "backspace", backspace, {}, ImVec2(origin.x + left, row_y(4)), w, m.height,
                     ButtonStyle::primary, view.has_text))
            ctx.emit(KeyboardBackspace{});
        if (wide_key(ctx, "clear", clear, {}, ImVec2(origin.x + left + w + m.gap, row_y(4)), w, m.height,
                     ButtonStyle::danger, view.has_text))
            ctx.emit(KeyboardClear{});
    } else if (code) {
        // Z–M, '-' and '.' under the home row; the two delete keys share the bottom row.
        character_row(ctx, m, rows[2], ImVec2(origin.x + half, row_y(3)));
        const float w = (width - m.gap) / 2;
        if (wide_key(ctx, "backspace", backspace, {}, ImVec2(origin.x, row_y(4)), w, m.height,
                     ButtonStyle::primary, view.has_text))
            ctx.emit(KeyboardBackspace{});
        if (wide_key(ctx, "clear", clear, {}, ImVec2(origin.x + w + m.gap, row_y(4)), w, m.height,
                     ButtonStyle::danger, view.has_text))
            ctx.emit(KeyboardClear{});
    } else {
        // Z–M, then backspace where it is on every keyboard: the right end of the bottom letter row.
        character_row(ctx, m, rows[2], ImVec2(origin.x, row_y(3)));
        const float letters_w = 7 * (m.unit + m.gap);
        if (wide_key(ctx, "backspace", backspace, {}, ImVec2(origin.x + letters_w, row_y(3)),
                     width - letters_w, m.height, ButtonStyle::primary, view.has_text))
            ctx.emit(KeyboardBackspace{});
        // Bottom row: input mode | space | clear all.
        const float side_w = span(m, 3);
        const float space_w = width - 2 * (side_w + m.gap);
        const std::string_view mode_name = ctx.tr(keyboard::input_mode_label_key(view.mode));
        if (wide_key(ctx, "mode", mode_name, ctx.tr(keyboard::labels::mode_caption),
                     ImVec2(origin.x, row_y(4)), side_w, m.height, ButtonStyle::primary))
            ctx.emit(SetKeyboardMode{static_cast<int>(keyboard::next_input_mode(view.mode))});
        if (wide_key(ctx, "space", ctx.tr(keyboard::labels::space), {},
                     ImVec2(origin.x + side_w + m.gap, row_y(4)), space_w, m.height, ButtonStyle::secondary))
            ctx.emit(KeyboardInput{" "});
        if (wide_key(ctx, "clear", clear, {}, ImVec2(origin.x + width - side_w, row_y(4)), side_w, m.height,
                     ButtonStyle::danger, view.has_text))
            ctx.emit(KeyboardClear{});
    }
    ImGui::PopID();

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, keyboard_height(ctx, view, width)));
}

} // namespace kiosk::ui
