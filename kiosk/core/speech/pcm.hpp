#pragma once
// PcmAudio: mono 16-bit PCM samples at one sample rate, the currency between speech synthesis, recorded
// clips, the chime, WAV files and the audio player. Plain data plus small pure helpers (duration, loudness,
// silence, joining with resampling); no files, devices or threads here.

#include <cstdint>
#include <vector>

namespace kiosk::speech {

struct PcmAudio {
    int sample_rate = 22050;
    std::vector<std::int16_t> samples; // mono

    [[nodiscard]] double seconds() const {
        return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
    }
    [[nodiscard]] bool empty() const { return samples.empty(); }
};

// Root mean square of the samples, 0..32767 (0 for no samples).
[[nodiscard]] double rms(const PcmAudio& audio);
// Largest absolute sample value.
[[nodiscard]] int peak(const PcmAudio& audio);

// Appends `ms` milliseconds of silence.
void append_silence(PcmAudio& audio, int ms);
// Appends `more` to `audio`, converting its sample rate to audio's (linear interpolation) when they differ.
void append(PcmAudio& audio, const PcmAudio& more);
// Returns `audio` converted to `rate` samples per second (linear interpolation).
[[nodiscard]] PcmAudio resampled(const PcmAudio& audio, int rate);

} // namespace kiosk::speech
