#pragma once
// Single-line text measurement, word wrapping and drawing of text (code points) onto a Raster with a FontSet.
// It does not do bidi, shaping or hyphenation: lines break at spaces (or inside a word that alone is too
// wide) and at '\n'. It works on code points: callers decode UTF-8 with kiosk::text::decode, which turns
// invalid bytes into U+FFFD so bad input is visible rather than silently dropped.

#include "drivers/printer/font_set.hpp"
#include "drivers/printer/raster.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::printer {

struct TextStyle {
    Face face = Face::regular;
    int em = 24; // em size in dots
};

// Advance width of the line in dots, kerning included.
[[nodiscard]] int measure(const FontSet& fonts, TextStyle style, std::u32string_view line);
// Splits `text` into lines no wider than max_width (a single glyph wider than that still gets its own line).
[[nodiscard]] std::vector<std::u32string> wrap(const FontSet& fonts, TextStyle style,
                                               std::u32string_view text, int max_width);
// Draws one line with its pen starting at x and the baseline at `baseline`. ink=false clears dots (white text
// on a black box). Coverage at or above `threshold` (0..255) becomes a dot.
void draw_line(Raster& raster, const FontSet& fonts, TextStyle style, std::u32string_view line, int x,
               int baseline, bool ink = true, int threshold = 110);

} // namespace kiosk::printer
