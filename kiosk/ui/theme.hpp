#pragma once
// Sizes, colours and fonts of the kiosk UI, derived from the window size and the screen's density so that
// touch targets stay at least 15 mm wide and tall whatever the screen. Building the font atlas lives in
// fonts.hpp. This type holds no state that changes per frame.

#include <imgui.h>

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;  // running text
    ImFont* small = nullptr; // captions, hints
    ImFont* title = nullptr; // screen titles, button labels (bold)
    ImFont* huge = nullptr;  // ticket numbers, the clock (digits and Latin capitals only)
};

struct Theme {
    float scale = 1.0f;         // 1.0 = the 1080-px-wide portrait design
    float px_per_mm = 3.78f;    // from the screen's DPI
    float text_scale = 1.0f;    // "Chữ to": text and touch targets 1.5× (margins stay; layouts reflow)
    bool high_contrast = false; // "Tương phản cao": the palette of palette.hpp (WCAG AAA pairs)
    Fonts fonts;

    ImU32 background = IM_COL32(244, 246, 250, 255);
    ImU32 header = IM_COL32(165, 28, 36, 255); // the red of public-service signage
    ImU32 header_text = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(26, 32, 44, 255);
    ImU32 muted = IM_COL32(90, 98, 112, 255);
    ImU32 header_subtle = IM_COL32(255, 225, 225, 255); // office subtitle and date on the header
    ImU32 panel = IM_COL32(255, 255, 255, 255);         // cards and boxes
    ImU32 highlight = IM_COL32(255, 221, 87, 255);      // search matches (behind text)
    ImU32 primary = IM_COL32(0, 84, 166, 255);
    ImU32 primary_pressed = IM_COL32(0, 52, 110, 255);
    ImU32 secondary = IM_COL32(255, 255, 255, 255);
    ImU32 secondary_pressed = IM_COL32(214, 222, 235, 255);
    ImU32 border = IM_COL32(196, 204, 216, 255);
    // Status colours stay apart under simulated protan/deutan/tritan vision (tests/unit/ui/palette_test.cpp).
    ImU32 warning = IM_COL32(170, 90, 0, 255);
    ImU32 danger = IM_COL32(150, 0, 30, 255);
    ImU32 success = IM_COL32(0, 122, 84, 255);
    ImU32 disabled = IM_COL32(160, 166, 176, 255);

    // Design pixels (at 1080 px width) to screen pixels.
    [[nodiscard]] float px(float design_px) const { return design_px * scale; }
    // Height/width of the smallest touch target: 15 mm, or the design size if that is larger.
    // Large text scales it too.
    [[nodiscard]] float min_target() const {
        return text_scale * (px_per_mm * 15.0f > px(96) ? px_per_mm * 15.0f : px(96));
    }
    // A font size in design pixels at the current text size.
    [[nodiscard]] float font_px(float design_px) const { return px(design_px) * text_scale; }
};

// Scale for a window: portrait designs are 1080×1920, landscape 1920×1080.
[[nodiscard]] float scale_for_window(int width, int height);

void apply_style(const Theme& theme);

} // namespace kiosk::ui
