#pragma once
// The lobby chime that precedes a spoken call: two soft bell tones (high, then low), generated in code so
// that no sound file needs shipping. Pure function; it does not play anything.

#include "kiosk/core/speech/pcm.hpp"

namespace kiosk::speech {

// A two-tone chime about 0.9 s long at `sample_rate`.
[[nodiscard]] PcmAudio make_chime(int sample_rate);

} // namespace kiosk::speech
