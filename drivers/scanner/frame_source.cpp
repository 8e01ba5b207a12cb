#include "drivers/scanner/frame_source.hpp"

#include "drivers/scanner/image_file_source.hpp"
#include "drivers/scanner/memory_frame_source.hpp"
#include "drivers/scanner/v4l2_frame_source.hpp"

#include <algorithm>
#include <array>

namespace kiosk::scanner {

Result<std::unique_ptr<FrameSource>> make_frame_source(const CameraOptions& o) {
    if (o.kind == "v4l2") {
        if (o.width <= 0 || o.height <= 0)
            return make_error("invalid_option", "camera size " + std::to_string(o.width) + "x" +
                                                    std::to_string(o.height) + " must be positive");
        return std::unique_ptr<FrameSource>(
            std::make_unique<V4l2FrameSource>(V4l2Options{o.device, o.width, o.height, o.fps, o.mirror, 4}));
    }
    if (o.kind == "files")
        return std::unique_ptr<FrameSource>(std::make_unique<ImageFileSource>(o.path, o.loop, o.mirror));
    if (o.kind == "memory") return std::unique_ptr<FrameSource>(std::make_unique<MemoryFrameSource>());
    return make_error("invalid_option", "camera kind \"" + o.kind + "\" is not one of v4l2, files, memory");
}

std::string scanner_error_key(const std::string& kind) {
    static constexpr std::array<std::string_view, 9> known = {
        "camera_missing", "camera_busy",   "camera_permission", "camera_unsupported", "camera_error",
        "not_found",      "invalid_image", "no_images",         "unreadable"};
    if (std::find(known.begin(), known.end(), kind) != known.end()) return "scanner.error." + kind;
    return "scanner.error.generic";
}

void mirror_frame(Frame& f) {
    const int bpp = bytes_per_pixel(f.format);
    for (int y = 0; y < f.height; ++y) {
        std::uint8_t* row = f.bytes.data() + static_cast<size_t>(y) * f.stride;
        if (f.format == PixelFormat::yuyv) {
            // Swap luma only; chroma of a flipped pair is close enough for a preview and unused by decoding.
            for (int x = 0; x < f.width / 2; ++x)
                std::swap(row[2 * x], row[2 * (f.width - 1 - x)]);
            continue;
        }
        for (int x = 0; x < f.width / 2; ++x)
            std::swap_ranges(row + x * bpp, row + (x + 1) * bpp, row + (f.width - 1 - x) * bpp);
    }
}

} // namespace kiosk::scanner
