#pragma once
// Raster: a 1-bit image in printer dots, rows packed MSB-first (bit 7 of byte 0 is the leftmost dot),
// exactly the layout ESC/POS "GS v 0" expects; 1 = black (heated dot). It does not know about fonts,
// paper or PNG; conversions to 8-bit grey for PNG files and barcode readers live here as free functions.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk::printer {

class Raster {
  public:
    Raster() = default;
    Raster(int width, int height);

    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] int stride() const { return (width_ + 7) / 8; } // bytes per row
    [[nodiscard]] bool get(int x, int y) const;
    void set(int x, int y, bool black = true);
    // Fills [x0,x1)×[y0,y1), clipped to the raster.
    void fill_rect(int x0, int y0, int x1, int y1);
    // Appends `rows` white rows (used while laying out top to bottom).
    void grow(int rows);

    [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return bits_; }
    [[nodiscard]] std::vector<std::uint8_t>& bytes() { return bits_; }
    [[nodiscard]] const std::uint8_t* row(int y) const {
        return bits_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride());
    }
    [[nodiscard]] std::uint8_t* row(int y) {
        return bits_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride());
    }
    [[nodiscard]] long count_black() const;

    friend bool operator==(const Raster&, const Raster&) = default;

  private:
    int width_ = 0;
    int height_ = 0;
    std::vector<std::uint8_t> bits_;
};

// 8-bit grey, one byte per dot: black dot = 0, white = 255 (what PNG writers and ZXing want).
[[nodiscard]] std::vector<std::uint8_t> to_grey(const Raster& raster);
// Thresholds 8-bit grey (dark < threshold → black).
[[nodiscard]] Raster from_grey(const std::uint8_t* grey, int width, int height, int threshold = 128);

} // namespace kiosk::printer
