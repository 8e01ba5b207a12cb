#include "kiosk/ui/palette.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void use_normal_palette(Theme& theme) {
    Theme defaults;
    theme.high_contrast = false;
    theme.background = defaults.background;
    theme.header = defaults.header;
    theme.header_text = defaults.header_text;
    theme.header_subtle = defaults.header_subtle;
    theme.panel = defaults.panel;
    theme.highlight = defaults.highlight;
    theme.text = defaults.text;
    theme.muted = defaults.muted;
    theme.primary = defaults.primary;
    theme.primary_pressed = defaults.primary_pressed;
    theme.secondary = defaults.secondary;
    theme.secondary_pressed = defaults.secondary_pressed;
    theme.border = defaults.border;
    theme.warning = defaults.warning;
    theme.danger = defaults.danger;
    theme.success = defaults.success;
    theme.disabled = defaults.disabled;
}

void use_high_contrast_palette(Theme& theme) {
    theme.high_contrast = true;
    theme.background = IM_COL32(255, 255, 255, 255);
    theme.header = IM_COL32(0, 0, 0, 255);
    theme.header_text = IM_COL32(255, 255, 255, 255);
    theme.header_subtle = IM_COL32(255, 255, 255, 255);
    theme.panel = IM_COL32(255, 255, 255, 255);
    theme.highlight = IM_COL32(255, 230, 0, 255); // behind black text: 16:1
    theme.text = IM_COL32(0, 0, 0, 255);
    theme.muted = IM_COL32(51, 51, 51, 255);
    theme.primary = IM_COL32(100, 20, 240, 255);
    theme.primary_pressed = IM_COL32(40, 0, 120, 255);
    theme.secondary = IM_COL32(255, 255, 255, 255);
    theme.secondary_pressed = IM_COL32(225, 225, 225, 255);
    theme.border = IM_COL32(0, 0, 0, 255);
    // Status colours: dark enough for white text (AAA) and apart under simulated colour-blindness.
    theme.warning = IM_COL32(160, 20, 120, 255);
    theme.danger = IM_COL32(140, 20, 0, 255);
    theme.success = IM_COL32(40, 80, 60, 255);
    theme.disabled = IM_COL32(90, 90, 90, 255);
}

double relative_luminance(ImU32 color) {
    auto channel = [](unsigned value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    unsigned r = (color >> IM_COL32_R_SHIFT) & 0xFF, g = (color >> IM_COL32_G_SHIFT) & 0xFF,
             b = (color >> IM_COL32_B_SHIFT) & 0xFF;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast_ratio(ImU32 a, ImU32 b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace kiosk::ui
