#pragma once
// FrameSource: where camera frames come from (V4L2 camera, image files, memory). next() waits at most
// `timeout` (0 = poll), so a caller on the UI thread never blocks. Implementations are not thread-safe:
// one thread drives a source. It does not decode codes; see CodeDecoder and DecodeWorker.

#include "drivers/scanner/frame.hpp"
#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::scanner {

class FrameSource {
  public:
    virtual ~FrameSource() = default;
    // Opens/starts the device or file list. Errors carry a kind (see scanner_error_key) and the path.
    [[nodiscard]] virtual Status start() = 0;
    virtual void stop() = 0;
    // A frame, or nullopt when none arrived within `timeout`. Error "end_of_stream" when a finite source
    // is exhausted; other errors mean the source is broken (device unplugged, file unreadable).
    [[nodiscard]] virtual Result<std::optional<Frame>> next(std::chrono::milliseconds timeout) = 0;
    [[nodiscard]] virtual std::string describe() const = 0;
};

// Which source to build; the lead maps the [camera] config section onto this.
struct CameraOptions {
    std::string kind = "files";         // "v4l2" | "files" | "memory"
    std::string device = "/dev/video0"; // v4l2
    std::string path;                   // files: one PNG/JPEG or a directory of them
    int width = 1280;                   // v4l2: requested size (the driver may pick the nearest)
    int height = 720;
    int fps = 15;        // v4l2: requested rate, if the driver supports setting it
    bool mirror = false; // flip left-right (selfie-style preview)
    bool loop = true;    // files: start again after the last file
};

// Builds the source named by options.kind ("memory" gives an empty MemoryFrameSource).
[[nodiscard]] Result<std::unique_ptr<FrameSource>> make_frame_source(const CameraOptions& options);

// The translation key to show staff for a source/decoder error kind ("camera_missing" ->
// "scanner.error.camera_missing"); unknown kinds map to "scanner.error.generic".
[[nodiscard]] std::string scanner_error_key(const std::string& kind);

// Flips a frame left-right in place (any format; YUYV keeps its Y0 U Y1 V pairing).
void mirror_frame(Frame& frame);

} // namespace kiosk::scanner
