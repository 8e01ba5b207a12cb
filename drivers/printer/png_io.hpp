#pragma once
// Reading and writing a 1-bit Raster as an 8-bit greyscale PNG (stb_image / stb_image_write).
// Writes are atomic (temporary file + rename) so a preview or reference never shows half a ticket.
// It does not scale or dither: reading thresholds grey at 128.

#include "drivers/printer/raster.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>

namespace kiosk::printer {

[[nodiscard]] Status write_png(const Raster& raster, const std::filesystem::path& path);
[[nodiscard]] Result<Raster> read_png(const std::filesystem::path& path);

} // namespace kiosk::printer
