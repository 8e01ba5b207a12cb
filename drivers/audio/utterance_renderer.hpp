#pragma once
// UtteranceRenderer: turns a whole Utterance (chime, then each phrase with a pause between) into one PCM
// buffer. Each phrase is said by the recorded-clip voice when it has every clip, else by the synthesizer;
// a clip that fails to load falls back to the synthesizer too. It does not play or queue anything.

#include "drivers/audio/phrase_voice.hpp"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::audio {

struct RenderedUtterance {
    speech::PcmAudio audio;
    std::vector<std::string> voices; // the voice that said each phrase ("clips", "espeak-ng")
};

class UtteranceRenderer {
  public:
    // `recorded` may be null (no clip folder). `phrase_gap_ms`: pause after the chime and between phrases.
    UtteranceRenderer(std::unique_ptr<PhraseVoice> synthesizer, std::unique_ptr<PhraseVoice> recorded,
                      int phrase_gap_ms = 350);

    [[nodiscard]] Result<RenderedUtterance> render(const speech::Utterance& utterance);

  private:
    std::unique_ptr<PhraseVoice> synthesizer_;
    std::unique_ptr<PhraseVoice> recorded_;
    int gap_ms_;
};

} // namespace kiosk::audio
