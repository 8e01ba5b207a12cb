#include "kiosk/core/speech/pcm.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace kiosk::speech {

double rms(const PcmAudio& audio) {
    if (audio.samples.empty()) return 0.0;
    double sum = 0.0;
    for (auto s : audio.samples)
        sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(audio.samples.size()));
}

int peak(const PcmAudio& audio) {
    int best = 0;
    for (auto s : audio.samples)
        best = std::max(best, std::abs(static_cast<int>(s)));
    return best;
}

void append_silence(PcmAudio& audio, int ms) {
    if (ms <= 0) return;
    audio.samples.insert(audio.samples.end(), static_cast<std::size_t>(audio.sample_rate) * ms / 1000, 0);
}

PcmAudio resampled(const PcmAudio& audio, int rate) {
    if (rate <= 0 || audio.sample_rate == rate || audio.samples.empty()) {
        PcmAudio same = audio;
        if (rate > 0) same.sample_rate = rate;
        return same;
    }
    PcmAudio out;
    out.sample_rate = rate;
    const auto in_count = audio.samples.size();
    const auto out_count = static_cast<std::size_t>(static_cast<double>(in_count) * rate / audio.sample_rate);
    out.samples.resize(out_count);
    const double step = static_cast<double>(audio.sample_rate) / rate;
    for (std::size_t i = 0; i < out_count; ++i) {
        const double pos = static_cast<double>(i) * step;
        const auto left = std::min(static_cast<std::size_t>(pos), in_count - 1);
        const auto right = std::min(left + 1, in_count - 1);
        const double frac = pos - static_cast<double>(left);
        const double value = audio.samples[left] * (1.0 - frac) + audio.samples[right] * frac;
        out.samples[i] = static_cast<std::int16_t>(std::lround(value));
    }
    return out;
}

void append(PcmAudio& audio, const PcmAudio& more) {
    if (audio.samples.empty()) {
        // An empty target takes the rate of what arrives first.
        if (audio.sample_rate <= 0) audio.sample_rate = more.sample_rate;
    }
    if (more.sample_rate == audio.sample_rate) {
        audio.samples.insert(audio.samples.end(), more.samples.begin(), more.samples.end());
        return;
    }
    const auto converted = resampled(more, audio.sample_rate);
    audio.samples.insert(audio.samples.end(), converted.samples.begin(), converted.samples.end());
}

} // namespace kiosk::speech
