#pragma once
// PhraseVoice: something that turns one SpeechPhrase into PCM (the espeak-ng synthesizer, a folder of
// recorded clips, a test double). Called from the speaker's worker thread only, never the UI thread.

#include "kiosk/core/speech/call_phrase.hpp"
#include "kiosk/core/speech/pcm.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>

namespace kiosk::audio {

class PhraseVoice {
  public:
    virtual ~PhraseVoice() = default;
    // Short name for logs and tests: "espeak-ng", "clips".
    [[nodiscard]] virtual std::string name() const = 0;
    // Whether render() can say this phrase (a clip voice needs every clip of the phrase).
    [[nodiscard]] virtual bool can_say(const speech::SpeechPhrase& phrase) const = 0;
    [[nodiscard]] virtual Result<speech::PcmAudio> render(const speech::SpeechPhrase& phrase) = 0;
};

} // namespace kiosk::audio
