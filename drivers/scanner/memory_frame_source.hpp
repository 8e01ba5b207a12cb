#pragma once
// MemoryFrameSource: the test double of FrameSource. Hands out frames pushed into it, in order, optionally
// looping; can be told to fail start() or next() to exercise error paths. Thread-safe push() so a test
// can feed it while another thread reads. It does no timing other than waiting up to `timeout` for a push.

#include "drivers/scanner/frame_source.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>

namespace kiosk::scanner {

class MemoryFrameSource final : public FrameSource {
  public:
    MemoryFrameSource() = default;
    explicit MemoryFrameSource(std::vector<Frame> frames, bool loop = false);

    void push(Frame frame);
    void fail_start_with(Error error);
    void fail_next_with(Error error); // the next call to next() returns this error once
    void set_finite(bool finite);     // true: next() on an empty queue returns "end_of_stream"

    [[nodiscard]] Status start() override;
    void stop() override;
    [[nodiscard]] Result<std::optional<Frame>> next(std::chrono::milliseconds timeout) override;
    [[nodiscard]] std::string describe() const override { return "memory"; }

  private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Frame> queue_;
    std::vector<Frame> loop_frames_;
    size_t loop_index_ = 0;
    bool loop_ = false;
    bool finite_ = false;
    bool started_ = false;
    std::optional<Error> start_error_, next_error_;
    std::uint64_t sequence_ = 0;
};

} // namespace kiosk::scanner
