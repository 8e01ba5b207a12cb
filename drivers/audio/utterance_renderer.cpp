#include "drivers/audio/utterance_renderer.hpp"

#include "kiosk/core/speech/chime.hpp"

namespace kiosk::audio {

UtteranceRenderer::UtteranceRenderer(std::unique_ptr<PhraseVoice> synthesizer,
                                     std::unique_ptr<PhraseVoice> recorded, int phrase_gap_ms)
    : synthesizer_(std::move(synthesizer)), recorded_(std::move(recorded)), gap_ms_(phrase_gap_ms) {}

Result<RenderedUtterance> UtteranceRenderer::render(const speech::Utterance& utterance) {
    std::vector<speech::PcmAudio> parts;
    RenderedUtterance out;
    for (const auto& phrase : utterance.phrases) {
        Result<speech::PcmAudio> audio = make_error("speech_unavailable", "no voice can say: " + phrase.text);
        std::string voice;
        if (recorded_ && recorded_->can_say(phrase)) {
            audio = recorded_->render(phrase);
            voice = recorded_->name();
        }
        if (!audio && synthesizer_ && synthesizer_->can_say(phrase)) {
            audio = synthesizer_->render(phrase);
            voice = synthesizer_->name();
        }
        if (!audio) return audio.error();
        parts.push_back(std::move(*audio));
        out.voices.push_back(voice);
    }
    if (parts.empty() && !utterance.chime) return make_error("empty_utterance", "nothing to say");
    out.audio.sample_rate = parts.empty() ? 22050 : parts.front().sample_rate;
    if (utterance.chime) {
        speech::append(out.audio, speech::make_chime(out.audio.sample_rate));
        if (!parts.empty()) speech::append_silence(out.audio, gap_ms_);
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) speech::append_silence(out.audio, gap_ms_);
        speech::append(out.audio, parts[i]);
    }
    return out;
}

} // namespace kiosk::audio
