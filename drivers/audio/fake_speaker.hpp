#pragma once
// FakeSpeaker: a Speaker double for unit tests; remembers every utterance said, speaks nothing.

#include "drivers/audio/speaker.hpp"

#include <mutex>
#include <vector>

namespace kiosk::audio {

class FakeSpeaker final : public Speaker {
  public:
    void say(speech::Utterance utterance) override {
        std::lock_guard lock(mutex_);
        said_.push_back(std::move(utterance));
        ++status_.spoken;
    }
    void stop() override {
        std::lock_guard lock(mutex_);
        ++stops_;
    }
    [[nodiscard]] SpeakerStatus status() const override {
        std::lock_guard lock(mutex_);
        return status_;
    }
    [[nodiscard]] std::vector<speech::Utterance> said() const {
        std::lock_guard lock(mutex_);
        return said_;
    }
    [[nodiscard]] int stops() const {
        std::lock_guard lock(mutex_);
        return stops_;
    }

  private:
    mutable std::mutex mutex_;
    std::vector<speech::Utterance> said_;
    SpeakerStatus status_;
    int stops_ = 0;
};

} // namespace kiosk::audio
