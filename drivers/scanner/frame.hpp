#pragma once
// Frame: one camera or file image in memory (gray8, YUYV 4:2:2 or packed RGB24), with its capture time.
// It owns its bytes and knows how to hand out its luma plane. It does not decode, scale or convert colour
// beyond what luma extraction needs.

#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk::scanner {

enum class PixelFormat { gray8, yuyv, rgb24 };

[[nodiscard]] std::string_view pixel_format_name(PixelFormat format);
// Bytes per pixel as stored (YUYV: 2, one luma byte per pixel).
[[nodiscard]] int bytes_per_pixel(PixelFormat format);

struct Frame {
    int width = 0;
    int height = 0;
    int stride = 0; // bytes per row, >= width * bytes_per_pixel(format)
    PixelFormat format = PixelFormat::gray8;
    std::vector<std::uint8_t> bytes;
    std::chrono::steady_clock::time_point timestamp{};
    std::uint64_t sequence = 0; // set by the source: increases by one per delivered frame

    // Checks sizes and stride against the byte count; names the offending field.
    [[nodiscard]] Status validate() const;
};

// A tightly packed 8-bit luma image: the working format of the decoder's image steps.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height, row-major

    [[nodiscard]] std::uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

// Helpers to build frames (tests, file sources, bench).
[[nodiscard]] Frame make_gray_frame(const GrayImage& image);
[[nodiscard]] Frame make_yuyv_frame(const GrayImage& image); // luma from image, neutral chroma
// Luma of a rectangle of the frame (clamped to the frame), as a packed gray image.
[[nodiscard]] GrayImage extract_luma(const Frame& frame, int left, int top, int width, int height);
[[nodiscard]] GrayImage extract_luma(const Frame& frame);

} // namespace kiosk::scanner
