#pragma once
// EspeakVoice: speech synthesis with libespeak-ng into memory (no audio device): the phrase's language
// selects the voice ("vi", "en"), samples come back through espeak's synchronous callback. Rendered phrases
// are cached (a lobby says the same few phrases all day). libespeak-ng is one process-wide engine: the first
// render starts it (with that voice's data path) and it runs until the process exits, because 1.51 cannot
// be restarted after terminating; syntheses are serialised process-wide. It does not play audio (see
// AudioSink).

#include "drivers/audio/phrase_voice.hpp"

#include <map>
#include <mutex>
#include <string>

namespace kiosk::audio {

struct EspeakOptions {
    std::string data_path; // espeak-ng-data folder; empty: the library's default
    int rate_wpm = 150;    // speaking rate, words per minute (espeak default 175 is hurried for a lobby)
    std::size_t cache_entries = 128;
};

class EspeakVoice final : public PhraseVoice {
  public:
    explicit EspeakVoice(EspeakOptions options = {});
    ~EspeakVoice() override;
    EspeakVoice(const EspeakVoice&) = delete;
    EspeakVoice& operator=(const EspeakVoice&) = delete;

    [[nodiscard]] std::string name() const override { return "espeak-ng"; }
    [[nodiscard]] bool can_say(const speech::SpeechPhrase& phrase) const override;
    [[nodiscard]] Result<speech::PcmAudio> render(const speech::SpeechPhrase& phrase) override;
    [[nodiscard]] std::size_t cache_hits() const;

  private:
    Status ensure_initialised();

    EspeakOptions options_;
    mutable std::mutex mutex_;
    bool initialised_ = false;
    int sample_rate_ = 0;
    std::map<std::string, speech::PcmAudio> cache_;
    std::size_t hits_ = 0;
};

} // namespace kiosk::audio
