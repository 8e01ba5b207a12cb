#pragma once
// Region finder: where in a frame a 2-D code probably is, before any decoder runs. It scores 16x16-pixel
// blocks by how often the luma alternates between dark and light along rows AND columns (a QR code's
// texture; plain paper, a desk or a single text line alternate in one direction at most), joins busy
// blocks into connected regions and returns the strongest ones, largest score first. It does not decode,
// nor tell a QR code from a dense print of text; the decoder ladder tries each region in turn.

#include "drivers/scanner/frame.hpp"

#include <vector>

namespace kiosk::scanner {

struct CodeRegion {
    int left = 0, top = 0, width = 0, height = 0; // in the image's pixels, margin included
    int score = 0;                                // sum of the blocks' alternation counts
};

// At most `max_regions`; regions smaller than about a 20-module code at 3 px per module are left out.
[[nodiscard]] std::vector<CodeRegion> find_code_regions(const GrayImage& luma, int max_regions = 3);

} // namespace kiosk::scanner
