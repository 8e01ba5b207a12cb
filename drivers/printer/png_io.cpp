// PNG I/O via stb.
#include "drivers/printer/png_io.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace kiosk::printer {

Status write_png(const Raster& raster, const std::filesystem::path& path) {
    if (raster.width() <= 0 || raster.height() <= 0)
        return make_error("invalid_job", "empty raster, nothing to write to " + path.string());
    const auto grey = to_grey(raster);
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    if (!stbi_write_png(tmp.c_str(), raster.width(), raster.height(), 1, grey.data(), raster.width()))
        return make_error("io_error", "cannot write PNG " + tmp.string() + ": " + std::strerror(errno));
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return make_error("io_error", "cannot rename " + tmp.string() + " to " + path.string());
    }
    return Ok{};
}

Result<Raster> read_png(const std::filesystem::path& path) {
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &channels, 1);
    if (!data)
        return make_error("io_error", "cannot read PNG " + path.string() + ": " + stbi_failure_reason());
    Raster r = from_grey(data, w, h, 128);
    stbi_image_free(data);
    return r;
}

} // namespace kiosk::printer
