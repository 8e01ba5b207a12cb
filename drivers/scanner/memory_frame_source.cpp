#include "drivers/scanner/memory_frame_source.hpp"

namespace kiosk::scanner {

MemoryFrameSource::MemoryFrameSource(std::vector<Frame> frames, bool loop) : loop_(loop), finite_(!loop) {
    if (loop)
        loop_frames_ = std::move(frames);
    else
        queue_.assign(std::make_move_iterator(frames.begin()), std::make_move_iterator(frames.end()));
}

void MemoryFrameSource::push(Frame frame) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(frame));
    }
    cv_.notify_all();
}

void MemoryFrameSource::fail_start_with(Error error) {
    std::lock_guard lock(mutex_);
    start_error_ = std::move(error);
}

void MemoryFrameSource::fail_next_with(Error error) {
    std::lock_guard lock(mutex_);
    next_error_ = std::move(error);
}

void MemoryFrameSource::set_finite(bool finite) {
    std::lock_guard lock(mutex_);
    finite_ = finite;
}

Status MemoryFrameSource::start() {
    std::lock_guard lock(mutex_);
    if (start_error_) return *start_error_;
    started_ = true;
    return Ok{};
}

void MemoryFrameSource::stop() {
    {
        std::lock_guard lock(mutex_);
        started_ = false;
    }
    cv_.notify_all();
}

Result<std::optional<Frame>> MemoryFrameSource::next(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!started_) return make_error("not_started", "memory frame source: next() before start()");
    if (next_error_) {
        Error e = std::move(*next_error_);
        next_error_.reset();
        return e;
    }
    auto stamp = [&](Frame f) {
        f.sequence = ++sequence_;
        f.timestamp = std::chrono::steady_clock::now();
        return std::optional<Frame>(std::move(f));
    };
    if (!loop_frames_.empty()) return stamp(loop_frames_[loop_index_++ % loop_frames_.size()]);
    if (queue_.empty() && finite_) return make_error("end_of_stream", "memory frame source: no more frames");
    cv_.wait_for(lock, timeout, [&] { return !queue_.empty() || !started_; });
    if (queue_.empty()) return std::optional<Frame>{};
    Frame f = std::move(queue_.front());
    queue_.pop_front();
    return stamp(std::move(f));
}

} // namespace kiosk::scanner
