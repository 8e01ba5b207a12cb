// Raster storage and grey conversions.
#include "drivers/printer/raster.hpp"

#include <algorithm>
#include <bit>

namespace kiosk::printer {

Raster::Raster(int width, int height)
    : width_(std::max(0, width)), height_(std::max(0, height)),
      bits_(static_cast<size_t>(stride()) * static_cast<size_t>(height_), 0) {}

bool Raster::get(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    return (row(y)[x >> 3] & (0x80u >> (x & 7))) != 0;
}

void Raster::set(int x, int y, bool black) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
    std::uint8_t& b = row(y)[x >> 3];
    const auto mask = static_cast<std::uint8_t>(0x80u >> (x & 7));
    b = black ? static_cast<std::uint8_t>(b | mask) : static_cast<std::uint8_t>(b & ~mask);
}

void Raster::fill_rect(int x0, int y0, int x1, int y1) {
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, width_);
    y1 = std::min(y1, height_);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            set(x, y);
}

void Raster::grow(int rows) {
    if (rows <= 0) return;
    height_ += rows;
    bits_.resize(static_cast<size_t>(stride()) * static_cast<size_t>(height_), 0);
}

long Raster::count_black() const {
    long n = 0;
    for (std::uint8_t b : bits_)
        n += std::popcount(b);
    return n; // padding bits past width are never set, so they do not count
}

std::vector<std::uint8_t> to_grey(const Raster& raster) {
    std::vector<std::uint8_t> grey(static_cast<size_t>(raster.width()) *
                                   static_cast<size_t>(raster.height()));
    for (int y = 0; y < raster.height(); ++y) {
        const std::uint8_t* src = raster.row(y);
        std::uint8_t* dst = grey.data() + static_cast<size_t>(y) * static_cast<size_t>(raster.width());
        for (int x = 0; x < raster.width(); ++x)
            dst[x] = (src[x >> 3] & (0x80u >> (x & 7))) ? 0 : 255;
    }
    return grey;
}

Raster from_grey(const std::uint8_t* grey, int width, int height, int threshold) {
    Raster r(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (grey[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)] <
                threshold)
                r.set(x, y);
    return r;
}

} // namespace kiosk::printer
