#pragma once
// ClipVoice: says a phrase by joining recorded WAV clips from a folder (KEY.wav for each clip name in the
// phrase's plan, see kiosk/core/speech/spoken_words.hpp), because a recorded person sounds more natural than
// a synthesizer. It can say a phrase only when every clip of its plan is present, so a lobby never hears
// half a call in a recorded voice and half synthesized. Clips are read once and kept in memory; clips with
// different sample rates are converted to the first one's. It does not synthesize anything.

#include "drivers/audio/phrase_voice.hpp"

#include <filesystem>
#include <map>
#include <mutex>

namespace kiosk::audio {

class ClipVoice final : public PhraseVoice {
  public:
    // `gap_ms`: silence between two clips.
    explicit ClipVoice(std::filesystem::path folder, int gap_ms = 60);

    [[nodiscard]] std::string name() const override { return "clips"; }
    [[nodiscard]] bool can_say(const speech::SpeechPhrase& phrase) const override;
    [[nodiscard]] Result<speech::PcmAudio> render(const speech::SpeechPhrase& phrase) override;
    [[nodiscard]] std::filesystem::path clip_path(const std::string& clip) const;

  private:
    Result<speech::PcmAudio> load(const std::string& clip);

    std::filesystem::path folder_;
    int gap_ms_;
    std::mutex mutex_;
    std::map<std::string, speech::PcmAudio> loaded_;
};

} // namespace kiosk::audio
