#pragma once
// A QR matrix ready for the screen, and the widget that draws it (dark squares with a 4-module quiet zone).
// Encoding happens elsewhere (drivers/printer/qr_matrix), off the draw path.

#include <vector>

namespace kiosk::ui {

// A square QR matrix for drawing on screen (row-major, 1 = dark module).
struct QrView {
    int size = 0;
    std::vector<unsigned char> modules;
};

// Draws `qr` in a white square of `side` pixels at the cursor.
void draw_qr(const QrView& qr, float side);

} // namespace kiosk::ui
