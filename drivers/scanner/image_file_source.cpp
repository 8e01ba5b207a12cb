#include "drivers/scanner/image_file_source.hpp"

#include <stb/stb_image.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace kiosk::scanner {
namespace fs = std::filesystem;

namespace {

bool is_image_name(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

} // namespace

Result<Frame> load_image_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return make_error("not_found", "image file " + path.string() + " does not exist");
    if (fs::is_directory(path, ec))
        return make_error("invalid_image", "image file " + path.string() + " is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("unreadable", "image file " + path.string() + " cannot be opened for reading");
    const std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    if (data.empty()) return make_error("invalid_image", "image file " + path.string() + " is empty");
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data.data(), static_cast<int>(data.size()), &w, &h, &channels))
        return make_error("invalid_image", "image file " + path.string() +
                                               " is not a readable PNG/JPEG: " + stbi_failure_reason());
    const int want = channels <= 2 ? 1 : 3;
    unsigned char* px =
        stbi_load_from_memory(data.data(), static_cast<int>(data.size()), &w, &h, &channels, want);
    if (!px)
        return make_error("invalid_image",
                          "image file " + path.string() + " could not be decoded: " + stbi_failure_reason());
    Frame f;
    f.width = w;
    f.height = h;
    f.format = want == 1 ? PixelFormat::gray8 : PixelFormat::rgb24;
    f.stride = w * want;
    f.bytes.assign(px, px + static_cast<size_t>(f.stride) * h);
    stbi_image_free(px);
    f.timestamp = std::chrono::steady_clock::now();
    return f;
}

ImageFileSource::ImageFileSource(fs::path path, bool loop, bool mirror)
    : path_(std::move(path)), loop_(loop), mirror_(mirror) {}

Status ImageFileSource::start() {
    files_.clear();
    index_ = 0;
    std::error_code ec;
    if (path_.empty()) return make_error("not_found", "image source: no path configured");
    if (!fs::exists(path_, ec))
        return make_error("not_found", "image source " + path_.string() + " does not exist");
    if (fs::is_directory(path_, ec)) {
        for (const auto& entry : fs::directory_iterator(path_, ec))
            if (entry.is_regular_file() && is_image_name(entry.path())) files_.push_back(entry.path());
        if (ec) return make_error("unreadable", "image source " + path_.string() + ": " + ec.message());
        std::sort(files_.begin(), files_.end());
        if (files_.empty())
            return make_error("no_images",
                              "image source " + path_.string() + " holds no .png/.jpg/.jpeg files");
    } else {
        files_.push_back(path_);
    }
    started_ = true;
    return Ok{};
}

void ImageFileSource::stop() {
    started_ = false;
}

Result<std::optional<Frame>> ImageFileSource::next(std::chrono::milliseconds) {
    if (!started_)
        return make_error("not_started", "image source " + path_.string() + ": next() before start()");
    if (index_ >= files_.size()) {
        if (!loop_) return make_error("end_of_stream", "image source " + path_.string() + ": no more files");
        index_ = 0;
    }
    auto frame = load_image_file(files_[index_++]);
    if (!frame) return frame.error();
    if (mirror_) mirror_frame(*frame);
    frame->sequence = ++sequence_;
    return std::optional<Frame>(std::move(frame.value()));
}

std::string ImageFileSource::describe() const {
    return "files:" + path_.string();
}

} // namespace kiosk::scanner
