#include "kiosk/core/speech/chime.hpp"

#include <cmath>
#include <numbers>

namespace kiosk::speech {

namespace {

// A bell-like tone: fundamental plus a quieter octave, fast attack, exponential decay.
void add_tone(PcmAudio& out, double frequency, double seconds, double amplitude) {
    const auto count = static_cast<std::size_t>(seconds * out.sample_rate);
    const double attack = 0.01 * out.sample_rate;
    for (std::size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / out.sample_rate;
        const double envelope = std::min(1.0, static_cast<double>(i) / attack) * std::exp(-4.0 * t);
        const double wave = std::sin(2 * std::numbers::pi * frequency * t) +
                            0.3 * std::sin(2 * std::numbers::pi * 2 * frequency * t);
        out.samples.push_back(static_cast<std::int16_t>(amplitude * envelope * wave / 1.3 * 32767));
    }
}

} // namespace

PcmAudio make_chime(int sample_rate) {
    PcmAudio out;
    out.sample_rate = sample_rate > 0 ? sample_rate : 22050;
    add_tone(out, 784.0, 0.45, 0.45); // G5
    add_tone(out, 659.3, 0.45, 0.45); // E5
    return out;
}

} // namespace kiosk::speech
