#pragma once
// CameraPipeline: one running camera. A capture thread reads at most ~10 frames a second from a FrameSource
// and hands them to a DecodeWorker (which keeps only the newest frame); decoded text, a downscaled preview
// (only while wanted) and a capture error go to callbacks, which run on the pipeline's threads and must only
// post to the UI thread. start() and stop() block on the device: call them off the UI thread. The pipeline
// does not validate payloads or know screens (the dossier feature does).

#include "drivers/scanner/code_decoder.hpp"
#include "drivers/scanner/frame_source.hpp"
#include "kiosk/ui/widgets/preview_image.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace kiosk::scanner {
class DecodeWorker;
}

namespace kiosk::features {

class CameraPipeline {
  public:
    struct Callbacks {
        std::function<void(std::string text)> on_read;          // a code was decoded
        std::function<void(ui::PreviewImage image)> on_preview; // a frame for the screen (≤ 480 px wide)
        std::function<void(std::string kind)> on_stopped; // the source failed or ended ("end_of_stream")
        std::function<void()> on_seen; // a code is in view but could not be read (optional)
    };

    CameraPipeline(std::unique_ptr<scanner::FrameSource> source,
                   std::unique_ptr<scanner::CodeDecoder> decoder, Callbacks callbacks);
    ~CameraPipeline(); // stops and joins
    CameraPipeline(const CameraPipeline&) = delete;
    CameraPipeline& operator=(const CameraPipeline&) = delete;

    // Starts the source and the threads; the error names what failed (kind: the source's).
    [[nodiscard]] Status start();
    // Stops the capture thread (after at most one frame wait, ~100 ms), the decoder and the source.
    void stop();
    void set_preview_wanted(bool wanted) { preview_wanted_ = wanted; }
    // A new citizen: the same receipt held up again counts as a new scan.
    void reset_repeat_filter();
    [[nodiscard]] bool decoding() const;

  private:
    void capture_loop();

    std::unique_ptr<scanner::FrameSource> source_;
    std::unique_ptr<scanner::DecodeWorker> decoder_;
    Callbacks callbacks_;
    std::thread capture_;
    std::atomic<bool> running_{false};
    std::atomic<bool> preview_wanted_{false};
};

} // namespace kiosk::features
