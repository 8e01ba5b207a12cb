#pragma once
// DecodeWorker: runs a CodeDecoder on its own thread. submit() never blocks: the worker keeps only the
// newest frame (a newer one replaces a waiting one, which counts as dropped), so decoding never falls
// behind the camera. Reads are delivered through a callback on the worker thread; the app turns that into
// an event on its queue. The same text seen again within `repeat_suppress` is not delivered twice (a
// citizen holds the paper still for seconds). A frame where a code is seen but not read (blurred, moving)
// goes to `on_seen` instead, so the screen can ask to hold the receipt still. Destruction/stop() joins the
// thread after the current frame.

#include "drivers/scanner/code_decoder.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::scanner {

struct ScanRead {
    DecodedCode code;
    std::uint64_t frame_sequence = 0;
    std::chrono::steady_clock::time_point frame_time{};
    std::chrono::microseconds decode_time{0};
};

struct DecodeWorkerStats {
    std::uint64_t submitted = 0;
    std::uint64_t decoded = 0;    // frames the decoder ran on
    std::uint64_t dropped = 0;    // frames replaced by a newer one before decoding
    std::uint64_t reads = 0;      // delivered reads
    std::uint64_t suppressed = 0; // repeats not delivered
    std::uint64_t errors = 0;     // frames the decoder rejected
    std::uint64_t seen = 0;       // frames with a code in view that could not be read
};

struct DecodeWorkerOptions {
    std::chrono::milliseconds repeat_suppress{3000};
};

class DecodeWorker {
  public:
    using Callback = std::function<void(const ScanRead&)>;
    using SeenCallback = std::function<void()>;

    DecodeWorker(std::unique_ptr<CodeDecoder> decoder, Callback on_read, DecodeWorkerOptions options = {},
                 SeenCallback on_seen = {});
    ~DecodeWorker();
    DecodeWorker(const DecodeWorker&) = delete;
    DecodeWorker& operator=(const DecodeWorker&) = delete;

    // Hands over a frame; replaces any frame still waiting. Never blocks on decoding.
    void submit(Frame frame);
    // Forget the last delivered text, so the same code can be read again right away (new citizen).
    void reset_repeat_filter();
    // Stops after the frame being decoded (if any); idempotent.
    void stop();
    [[nodiscard]] DecodeWorkerStats stats() const;
    // True while no frame is waiting and none is being decoded (for tests and idle checks).
    [[nodiscard]] bool idle() const;

  private:
    void run();

    std::unique_ptr<CodeDecoder> decoder_;
    Callback on_read_;
    DecodeWorkerOptions options_;
    SeenCallback on_seen_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::optional<Frame> pending_;
    bool busy_ = false;
    bool stopping_ = false;
    DecodeWorkerStats stats_;
    std::string last_text_;
    std::chrono::steady_clock::time_point last_time_{};
    std::thread thread_; // last: starts after every member above exists
};

} // namespace kiosk::scanner
