#include "drivers/audio/queued_speaker.hpp"

namespace kiosk::audio {

QueuedSpeaker::QueuedSpeaker(std::unique_ptr<UtteranceRenderer> renderer, std::unique_ptr<AudioSink> sink,
                             std::size_t max_queued, FailureHook on_failure)
    : renderer_(std::move(renderer)), sink_(std::move(sink)), max_queued_(max_queued == 0 ? 1 : max_queued),
      on_failure_(std::move(on_failure)), worker_([this](std::stop_token st) { run(st); }) {}

QueuedSpeaker::~QueuedSpeaker() {
    worker_.request_stop();
    sink_->stop();
    wake_.notify_all();
    worker_.join();
}

void QueuedSpeaker::say(speech::Utterance utterance) {
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= max_queued_) {
            queue_.pop_front();
            ++status_.dropped;
        }
        queue_.push_back(std::move(utterance));
        status_.queued = queue_.size();
    }
    wake_.notify_one();
}

void QueuedSpeaker::stop() {
    {
        std::lock_guard lock(mutex_);
        status_.dropped += queue_.size();
        queue_.clear();
        status_.queued = 0;
    }
    sink_->stop();
}

SpeakerStatus QueuedSpeaker::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void QueuedSpeaker::run(std::stop_token stop) {
    while (true) {
        speech::Utterance next;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return !queue_.empty(); })) return;
            next = std::move(queue_.front());
            queue_.pop_front();
            status_.queued = queue_.size();
            status_.speaking = true;
        }
        auto rendered = renderer_->render(next);
        Status played = rendered ? sink_->play(rendered->audio) : Status(rendered.error());
        if (!played && on_failure_) on_failure_(played.error());
        std::lock_guard lock(mutex_);
        status_.speaking = false;
        if (played) {
            ++status_.spoken;
            status_.last_voices = rendered->voices;
        } else {
            ++status_.failed;
            status_.last_error = played.error().message;
        }
    }
}

} // namespace kiosk::audio
