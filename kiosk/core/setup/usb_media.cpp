#include "kiosk/core/setup/usb_media.hpp"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

namespace kiosk::setup {
namespace {

std::vector<std::filesystem::path> media_roots() {
    if (const char* dir = std::getenv("KIOSK_MEDIA_DIR"); dir && *dir) return {dir};
    return {"/media", "/run/media"};
}

std::vector<std::filesystem::path> children(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        if (it->is_directory(ec)) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

std::vector<std::filesystem::path> usb_mounts() {
    std::vector<std::filesystem::path> mounts;
    for (const auto& root : media_roots())
        for (const auto& user : children(root))
            for (const auto& drive : children(user))
                mounts.push_back(drive);
    return mounts;
}

std::filesystem::path writable_usb_mount() {
    for (const auto& m : usb_mounts())
        if (::access(m.c_str(), W_OK) == 0) return m;
    return {};
}

std::vector<std::filesystem::path> usb_config_files() {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& m : usb_mounts())
        for (auto it = std::filesystem::directory_iterator(m, ec);
             !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
            if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace kiosk::setup
