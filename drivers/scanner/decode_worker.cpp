#include "drivers/scanner/decode_worker.hpp"

namespace kiosk::scanner {

DecodeWorker::DecodeWorker(std::unique_ptr<CodeDecoder> decoder, Callback on_read,
                           DecodeWorkerOptions options, SeenCallback on_seen)
    : decoder_(std::move(decoder)), on_read_(std::move(on_read)), options_(options),
      on_seen_(std::move(on_seen)), thread_([this] { run(); }) {}

DecodeWorker::~DecodeWorker() {
    stop();
}

void DecodeWorker::submit(Frame frame) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        ++stats_.submitted;
        if (pending_) ++stats_.dropped;
        pending_ = std::move(frame);
    }
    cv_.notify_one();
}

void DecodeWorker::reset_repeat_filter() {
    std::lock_guard lock(mutex_);
    last_text_.clear();
}

void DecodeWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && !thread_.joinable()) return;
        stopping_ = true;
        if (pending_) {
            ++stats_.dropped;
            pending_.reset();
        }
    }
    cv_.notify_all();
    if (thread_.joinable() && std::this_thread::get_id() != thread_.get_id()) thread_.join();
}

DecodeWorkerStats DecodeWorker::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

bool DecodeWorker::idle() const {
    std::lock_guard lock(mutex_);
    return !pending_ && !busy_;
}

void DecodeWorker::run() {
    for (;;) {
        Frame frame;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || pending_.has_value(); });
            if (stopping_) return;
            frame = std::move(*pending_);
            pending_.reset();
            busy_ = true;
        }
        auto outcome = decoder_->decode(frame);
        std::optional<ScanRead> read;
        bool seen = false;
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
            ++stats_.decoded;
            if (!outcome) {
                ++stats_.errors;
            } else if (!outcome->code && outcome->code_seen) {
                ++stats_.seen;
                seen = true;
            } else if (outcome->code) {
                const auto now = std::chrono::steady_clock::now();
                if (outcome->code->text == last_text_ && now - last_time_ < options_.repeat_suppress) {
                    ++stats_.suppressed;
                    last_time_ = now; // still in view: keep suppressing while it stays there
                } else {
                    ++stats_.reads;
                    last_text_ = outcome->code->text;
                    last_time_ = now;
                    read = ScanRead{*outcome->code, frame.sequence, frame.timestamp, outcome->elapsed};
                }
            }
        }
        // Outside the lock: the callback may submit() or query stats().
        if (read && on_read_) on_read_(*read);
        if (seen && on_seen_) on_seen_();
    }
}

} // namespace kiosk::scanner
