#pragma once
// A QR code as a plain module matrix (1 = dark), for drawing on screen or on paper at any scale. No quiet
// zone is included: callers add four modules of margin. It does not render pixels.

#include "kiosk/core/util/result.hpp"

#include <string_view>
#include <vector>

namespace kiosk::printer {

struct QrMatrix {
    int size = 0;                       // modules per side
    std::vector<unsigned char> modules; // size*size, row-major
    [[nodiscard]] bool dark(int x, int y) const { return modules[static_cast<size_t>(y * size + x)] != 0; }
};

// Encodes `payload` (UTF-8) with ZXing's default error correction; errors name the payload length.
[[nodiscard]] Result<QrMatrix> encode_qr(std::string_view payload);

} // namespace kiosk::printer
