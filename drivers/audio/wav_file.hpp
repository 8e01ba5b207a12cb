#pragma once
// WAV (RIFF PCM) files: writes mono 16-bit audio, reads 8/16-bit PCM, mono or stereo (stereo is mixed to
// mono). Used for recorded voice clips, headless audio output and tests. Not a general audio decoder:
// compressed formats and float samples are refused with an error naming the file and what is wrong.

#include "kiosk/core/speech/pcm.hpp"
#include "kiosk/core/util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::audio {

// The bytes of a WAV file holding `audio`.
[[nodiscard]] std::vector<std::uint8_t> encode_wav(const speech::PcmAudio& audio);
[[nodiscard]] Result<speech::PcmAudio> decode_wav(const std::vector<std::uint8_t>& bytes,
                                                  const std::string& name_for_errors);

[[nodiscard]] Status write_wav(const std::filesystem::path& path, const speech::PcmAudio& audio);
[[nodiscard]] Result<speech::PcmAudio> read_wav(const std::filesystem::path& path);

} // namespace kiosk::audio
