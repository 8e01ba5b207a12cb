#include "drivers/scanner/frame.hpp"

#include <algorithm>
#include <string>

namespace kiosk::scanner {

std::string_view pixel_format_name(PixelFormat format) {
    switch (format) {
    case PixelFormat::gray8:
        return "gray8";
    case PixelFormat::yuyv:
        return "yuyv";
    case PixelFormat::rgb24:
        return "rgb24";
    }
    return "unknown";
}

int bytes_per_pixel(PixelFormat format) {
    switch (format) {
    case PixelFormat::gray8:
        return 1;
    case PixelFormat::yuyv:
        return 2;
    case PixelFormat::rgb24:
        return 3;
    }
    return 1;
}

Status Frame::validate() const {
    if (width <= 0 || height <= 0)
        return make_error("invalid_frame",
                          "frame size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
    const int min_stride = width * bytes_per_pixel(format);
    if (stride < min_stride)
        return make_error("invalid_frame", "frame stride " + std::to_string(stride) + " is below width * " +
                                               std::to_string(bytes_per_pixel(format)) + " = " +
                                               std::to_string(min_stride));
    const size_t need = static_cast<size_t>(stride) * (height - 1) + min_stride;
    if (bytes.size() < need)
        return make_error("invalid_frame", "frame holds " + std::to_string(bytes.size()) + " bytes, " +
                                               std::string(pixel_format_name(format)) + " " +
                                               std::to_string(width) + "x" + std::to_string(height) +
                                               " needs " + std::to_string(need));
    return Ok{};
}

Frame make_gray_frame(const GrayImage& image) {
    Frame f;
    f.width = image.width;
    f.height = image.height;
    f.stride = image.width;
    f.format = PixelFormat::gray8;
    f.bytes = image.pixels;
    f.timestamp = std::chrono::steady_clock::now();
    return f;
}

Frame make_yuyv_frame(const GrayImage& image) {
    Frame f;
    f.width = image.width;
    f.height = image.height;
    f.stride = image.width * 2;
    f.format = PixelFormat::yuyv;
    f.bytes.resize(static_cast<size_t>(f.stride) * f.height);
    for (size_t i = 0; i < image.pixels.size(); ++i) {
        f.bytes[2 * i] = image.pixels[i];
        f.bytes[2 * i + 1] = 128;
    }
    f.timestamp = std::chrono::steady_clock::now();
    return f;
}

GrayImage extract_luma(const Frame& frame, int left, int top, int width, int height) {
    left = std::clamp(left, 0, frame.width);
    top = std::clamp(top, 0, frame.height);
    width = std::clamp(width, 0, frame.width - left);
    height = std::clamp(height, 0, frame.height - top);
    GrayImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(static_cast<size_t>(width) * height);
    const int bpp = bytes_per_pixel(frame.format);
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* src =
            frame.bytes.data() + static_cast<size_t>(top + y) * frame.stride + left * bpp;
        std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(y) * width;
        switch (frame.format) {
        case PixelFormat::gray8:
            std::copy(src, src + width, dst);
            break;
        case PixelFormat::yuyv:
            for (int x = 0; x < width; ++x)
                dst[x] = src[2 * x];
            break;
        case PixelFormat::rgb24:
            for (int x = 0; x < width; ++x) {
                const unsigned r = src[3 * x], g = src[3 * x + 1], b = src[3 * x + 2];
                // ITU-R BT.601 weights in 10-bit fixed point, the same as ZXing uses.
                dst[x] = static_cast<std::uint8_t>((306 * r + 601 * g + 117 * b + 0x200) >> 10);
            }
            break;
        }
    }
    return out;
}

GrayImage extract_luma(const Frame& frame) {
    return extract_luma(frame, 0, 0, frame.width, frame.height);
}

} // namespace kiosk::scanner
