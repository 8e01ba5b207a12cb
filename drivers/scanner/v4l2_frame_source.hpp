#pragma once
// V4l2FrameSource: a USB/CSI camera through Video4Linux2 (/dev/videoN), mmap streaming. Prefers YUYV (its
// luma goes to the decoder without conversion), then GREY, then MJPEG (decoded to grey with stb_image).
// Errors name the device and say whether it is missing, busy, not permitted or unsupported. On start it asks
// for continuous autofocus and automatic exposure where the camera has them (v4l2_controls.hpp; describe()
// says what it got). It does not reopen an unplugged camera by itself (the caller restarts it).

#include "drivers/scanner/frame_source.hpp"

#include <memory>

namespace kiosk::scanner {

struct V4l2Options {
    std::string device = "/dev/video0";
    int width = 1280;
    int height = 720;
    int fps = 15;
    bool mirror = false;
    int buffers = 4;
    bool auto_focus_exposure = true; // ask for continuous autofocus + auto exposure when offered
};

class V4l2FrameSource final : public FrameSource {
  public:
    explicit V4l2FrameSource(V4l2Options options);
    ~V4l2FrameSource() override;
    V4l2FrameSource(const V4l2FrameSource&) = delete;
    V4l2FrameSource& operator=(const V4l2FrameSource&) = delete;

    // Error kinds: camera_missing, camera_busy, camera_permission, camera_unsupported, camera_error.
    [[nodiscard]] Status start() override;
    void stop() override;
    [[nodiscard]] Result<std::optional<Frame>> next(std::chrono::milliseconds timeout) override;
    [[nodiscard]] std::string describe() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::scanner
