#pragma once
// The kiosk's two colour sets: the normal one (public-service red header, blue actions) and "Tương phản cao",
// black on white whose text and button pairs meet WCAG AAA (7:1). Both keep the status colours apart for
// protan, deutan and tritan vision; state is never shown by colour alone (every status also has its words).
// This file only sets colours on a Theme; fonts and sizes are fonts.hpp/theme.hpp.

#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

void use_normal_palette(Theme& theme);
void use_high_contrast_palette(Theme& theme);

// WCAG 2.x contrast ratio of two opaque colours (1..21).
[[nodiscard]] double contrast_ratio(ImU32 a, ImU32 b);
// WCAG relative luminance of an opaque colour (0..1).
[[nodiscard]] double relative_luminance(ImU32 color);

} // namespace kiosk::ui
