#pragma once
// Files the speech tests share: a fresh folder per test and process, and a sine tone to stand in for a
// recorded clip (distinguishable from espeak-ng's voice by its constant pitch).

#include "kiosk/core/speech/pcm.hpp"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>
#include <string>
#include <unistd.h>

namespace kiosk::test {

// <tmp>/kiosk-<name>-<pid>, emptied and created.
inline std::filesystem::path fresh_test_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline speech::PcmAudio tone(int rate, double seconds, double frequency) {
    speech::PcmAudio a;
    a.sample_rate = rate;
    for (int i = 0; i < static_cast<int>(seconds * rate); ++i)
        a.samples.push_back(
            static_cast<std::int16_t>(8000 * std::sin(2 * std::numbers::pi * frequency * i / rate)));
    return a;
}

} // namespace kiosk::test
