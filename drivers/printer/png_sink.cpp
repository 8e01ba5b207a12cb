// PngSink: one PNG per job, never overwriting.
#include "drivers/printer/png_sink.hpp"

#include "drivers/printer/png_io.hpp"

#include <unistd.h>

#include <system_error>

namespace kiosk::printer {

std::string safe_file_stem(std::string_view title) {
    std::string out;
    for (char c : title.substr(0, 80)) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || (c == '.' && !out.empty());
        out.push_back(safe ? c : '_');
    }
    return out.empty() ? "ticket" : out;
}

PngSink::PngSink(PngSinkOptions options) : options_(std::move(options)) {}

std::string PngSink::describe() const {
    return "png:" + options_.dir.string();
}

PrintOutcome PngSink::print(const PrintJob& job) {
    if (job.raster.width() <= 0 || job.raster.height() <= 0) return {Fault::invalid_job, "empty raster", ""};
    std::error_code ec;
    std::filesystem::create_directories(options_.dir, ec);
    if (ec) return {Fault::io_error, "cannot create " + options_.dir.string() + ": " + ec.message(), ""};
    const std::string stem = safe_file_stem(job.title);
    std::filesystem::path path = options_.dir / (stem + ".png");
    for (int n = 2; std::filesystem::exists(path) && n <= 10000; ++n)
        path = options_.dir / (stem + "-" + std::to_string(n) + ".png");
    if (std::filesystem::exists(path))
        return {Fault::io_error, "too many files named " + stem + " in " + options_.dir.string(), ""};
    if (auto s = write_png(job.raster, path); !s) return {Fault::io_error, s.error().message, ""};
    return {Fault::none, "", path.string()};
}

PrinterStatus PngSink::status() {
    std::error_code ec;
    std::filesystem::create_directories(options_.dir, ec);
    if (ec || ::access(options_.dir.c_str(), W_OK) != 0)
        return {Fault::io_error, "unwritable", {}, options_.dir.string() + " is not a writable directory"};
    return {Fault::none, "ready", {}, options_.dir.string()};
}

} // namespace kiosk::printer
