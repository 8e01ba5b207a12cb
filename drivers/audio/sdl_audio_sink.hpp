#pragma once
// SdlAudioSink: plays PCM through the default SDL2 audio device (queued audio, mono 16-bit). Opens the
// device on first use and reopens it when the sample rate changes; play() waits, in bounded steps, until the
// queue has drained or stop() was called. A missing audio device is an error from play(), not a crash.
// No SDL types in this header.

#include "drivers/audio/audio_sink.hpp"

#include <atomic>
#include <cstdint>

namespace kiosk::audio {

class SdlAudioSink final : public AudioSink {
  public:
    SdlAudioSink() = default;
    ~SdlAudioSink() override;
    SdlAudioSink(const SdlAudioSink&) = delete;
    SdlAudioSink& operator=(const SdlAudioSink&) = delete;

    [[nodiscard]] std::string name() const override { return "sdl"; }
    [[nodiscard]] Status play(const speech::PcmAudio& audio) override;
    void stop() override { stop_requested_ = true; }

  private:
    Status open(int sample_rate);
    void close();

    bool subsystem_ = false;
    std::uint32_t device_ = 0;
    int device_rate_ = 0;
    std::atomic<bool> stop_requested_{false};
};

} // namespace kiosk::audio
