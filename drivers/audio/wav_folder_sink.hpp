#pragma once
// WavFolderSink: "plays" each sound by writing it to FOLDER/utterance-NNNN.wav (numbered in order), for a
// lobby screen without a sound card, headless runs and tests. It does not wait for any playback time.

#include "drivers/audio/audio_sink.hpp"

#include <atomic>
#include <filesystem>

namespace kiosk::audio {

class WavFolderSink final : public AudioSink {
  public:
    explicit WavFolderSink(std::filesystem::path folder) : folder_(std::move(folder)) {}
    [[nodiscard]] std::string name() const override { return "wav:" + folder_.string(); }
    [[nodiscard]] Status play(const speech::PcmAudio& audio) override;
    void stop() override {}
    [[nodiscard]] int written() const { return written_.load(); }

  private:
    std::filesystem::path folder_;
    std::atomic<int> written_{0};
};

} // namespace kiosk::audio
