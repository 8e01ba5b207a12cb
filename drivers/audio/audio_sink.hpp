#pragma once
// AudioSink: where rendered speech goes: the SDL audio device, a folder of WAV files (headless lobby
// screens, tests) or nothing. play() blocks the calling (speaker worker) thread until the sound has been
// played or stop() cuts it short; never call it from the UI thread.

#include "kiosk/core/speech/pcm.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>

namespace kiosk::audio {

class AudioSink {
  public:
    virtual ~AudioSink() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual Status play(const speech::PcmAudio& audio) = 0;
    // Cuts the sound being played short (from any thread); later play() calls play normally.
    virtual void stop() = 0;
};

} // namespace kiosk::audio
