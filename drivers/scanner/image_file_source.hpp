#pragma once
// ImageFileSource: frames from PNG/JPEG files (one file or every image in a directory, sorted by name),
// for demos, tests and kiosks without a camera. Decodes with stb_image; colour images become rgb24,
// grey ones gray8. It does not watch the directory for new files (the list is read at start()).

#include "drivers/scanner/frame_source.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::scanner {

// Loads one image file. Errors: "not_found", "unreadable", "invalid_image" (message names the path and
// stb's reason).
[[nodiscard]] Result<Frame> load_image_file(const std::filesystem::path& path);

class ImageFileSource final : public FrameSource {
  public:
    ImageFileSource(std::filesystem::path path, bool loop, bool mirror = false);

    // Errors: "not_found" (path missing), "no_images" (a directory without .png/.jpg/.jpeg files).
    [[nodiscard]] Status start() override;
    void stop() override;
    // Loads the next file; "end_of_stream" after the last one unless looping.
    [[nodiscard]] Result<std::optional<Frame>> next(std::chrono::milliseconds timeout) override;
    [[nodiscard]] std::string describe() const override;
    [[nodiscard]] const std::vector<std::filesystem::path>& files() const { return files_; }

  private:
    std::filesystem::path path_;
    bool loop_;
    bool mirror_;
    bool started_ = false;
    std::vector<std::filesystem::path> files_;
    size_t index_ = 0;
    std::uint64_t sequence_ = 0;
};

} // namespace kiosk::scanner
