#pragma once
// Renders a TicketLayout into a 1-bit Raster as wide as the paper's printable area (203 dpi thermal heads:
// 80 mm paper = 576 dots, 58 mm paper = 384 dots). Every line is centred and word-wrapped; the number is
// drawn as large as fits (≥ 120 dots tall on 80 mm paper); the QR code carries layout.qr_payload.
// It does not translate, talk to printers or encode ESC/POS; glyphs come from the FontSet's cache.

#include "drivers/printer/font_set.hpp"
#include "drivers/printer/raster.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"
#include "kiosk/core/util/result.hpp"

#include <optional>
#include <string_view>

namespace kiosk::printer {

enum class PaperWidth { mm80, mm58 };

[[nodiscard]] int paper_dots(PaperWidth paper);
[[nodiscard]] int paper_mm(PaperWidth paper);
// 80 or 58 → PaperWidth; anything else → nullopt.
[[nodiscard]] std::optional<PaperWidth> paper_from_mm(int mm);

// Fails only when the QR payload cannot be encoded (e.g. far too long); the error names the payload length.
[[nodiscard]] Result<Raster> render_ticket(const ticket::TicketLayout& layout, PaperWidth paper,
                                           const FontSet& fonts);

} // namespace kiosk::printer
