#pragma once
// The kiosk's touch widgets, drawn with ImGui draw lists: big buttons with pressed-state feedback, wrapped
// text that records itself as visible, a drag-scrolled region, and cards. Every widget records its text in
// the UiContext so headless scripts can find it. No widget performs an action: they return whether they were
// tapped.

#include "kiosk/ui/ui_context.hpp"

#include <functional>
#include <string_view>

namespace kiosk::ui {

// priority: the amber "priority number" button beside a service (its label says what it is).
enum class ButtonStyle { primary, secondary, danger, header, priority };

struct ButtonSpec {
    std::string_view title;
    std::string_view subtitle = {};
    ImVec2 size = {0, 0}; // 0 width = full available width; 0 height = theme minimum target
    ButtonStyle style = ButtonStyle::primary;
    bool enabled = true;
    // Keyboard keys keep the 15 mm base target under large text (bigger labels, not taller rows), so the
    // keyboard still leaves room for what is typed. Other buttons grow with the text.
    bool key = false;
};

// A tappable button; returns true on a tap (press and release inside, without a drag in between).
[[nodiscard]] bool big_button(UiContext& ctx, const char* id, const ButtonSpec& spec);

// Wrapped text in the given font and colour, at the cursor, advancing it. Width 0 = available width.
void text_block(UiContext& ctx, ImFont* font, std::string_view text, ImU32 color, float width = 0,
                bool centered = false);

// Text drawn at an absolute position without moving the cursor (headers, overlays).
void text_at(UiContext& ctx, ImFont* font, std::string_view text, ImVec2 pos, ImU32 color);

// Measures wrapped text.
[[nodiscard]] ImVec2 measure(ImFont* font, std::string_view text, float wrap_width = 0);

// A vertically scrolled child region moved by dragging a finger anywhere inside it. Returns true when open.
bool begin_drag_scroll(UiContext& ctx, const char* id, ImVec2 size);
void end_drag_scroll();

// A white rounded panel with an accent border around what `body` draws; body gets the inner width.
void boxed(UiContext& ctx, float width, ImU32 accent, const std::function<void(float inner_width)>& body);

// A one-line text field (the search query, a dossier code) with a caret at the end. When the text is wider
// than the field its end stays visible (the part being typed). `placeholder` is shown when the text is empty.
void text_field(UiContext& ctx, std::string_view text, std::string_view placeholder, ImVec2 size);

// The content area below the navigation row: its origin, size, side margin and usable width.
struct ContentArea {
    ImVec2 origin, avail;
    float left = 0, width = 0;
};
[[nodiscard]] ContentArea content_area(const UiContext& ctx);

// Vertical space in design pixels.
void gap(const UiContext& ctx, float design_px);

} // namespace kiosk::ui
