#pragma once
// ESC/POS byte stream for a raster ticket: ESC @ (initialise), the image as "GS v 0" raster bands, a feed
// (ESC d n) so the last line clears the cutter, then a cut (GS V). Plus a strict decoder that turns such a
// stream back into a raster, used by tests and by the loopback printer in integration tests.
// It does not use text mode or code pages (Vietnamese is drawn as pixels) and has no printer back-channel.
//
// Band height: at most 255 rows per GS v 0 command, so yH is always 0 and each band of an 80 mm ticket is
// ≤ 72 × 255 = 18 360 bytes. Some clone printers ignore yH or cap one image at a small receive buffer and
// then print garbage for taller images; 255-row bands stay inside every limit we know of while keeping the
// per-command overhead (8 bytes) negligible. Band joins do not show: the head prints rows continuously.

#include "drivers/printer/raster.hpp"
#include "kiosk/core/util/result.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::printer {

enum class CutMode { none, full, partial };

struct EscPosOptions {
    int band_rows = 255; // rows per GS v 0 command, 1..255
    int feed_lines = 4;  // ESC d n before the cut (0..255)
    CutMode cut = CutMode::partial;
};

[[nodiscard]] std::vector<std::uint8_t> encode_escpos(const Raster& raster,
                                                      const EscPosOptions& options = {});

struct DecodedEscPos {
    Raster raster; // all GS v 0 bands stacked top to bottom
    int initialise_count = 0;
    int bands = 0;
    int feed_lines = 0; // sum of ESC d n
    CutMode cut = CutMode::none;
};

// Accepts exactly the commands encode_escpos emits (ESC @, GS v 0 mode 0, ESC d, GS V m / GS V m n);
// anything else, or any byte after the cut, is an error naming the byte offset, as is a band whose width
// differs from the first band.
[[nodiscard]] Result<DecodedEscPos> decode_escpos(std::span<const std::uint8_t> bytes);

} // namespace kiosk::printer
