#include "drivers/audio/espeak_voice.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <cstring>
#include <mutex>

namespace kiosk::audio {

namespace {

// espeak calls this with each block of samples; user_data is the vector being filled.
int collect_samples(short* wav, int count, espeak_EVENT* events) {
    if (wav == nullptr || count <= 0 || events == nullptr) return 0;
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    if (out != nullptr) out->insert(out->end(), wav, wav + count);
    return 0;
}

} // namespace

EspeakVoice::EspeakVoice(EspeakOptions options) : options_(std::move(options)) {}

EspeakVoice::~EspeakVoice() = default;

namespace {

// libespeak-ng is one process-wide engine that cannot be restarted: in 1.51, initialising it again after
// espeak_ng_Terminate() hangs. So it is started once per process (the one static here mirrors the
// library's own global state) and left running until exit. Returns the sample rate, or 0 on failure.
int start_engine_once(const std::string& data_path) {
    static std::once_flag once;
    static int sample_rate = 0;
    std::call_once(once, [&] {
        // espeak_ng_* in synchronous mode starts no FIFO thread (espeak_Initialize() would).
        espeak_ng_InitializePath(data_path.empty() ? nullptr : data_path.c_str());
        espeak_ng_ERROR_CONTEXT context = nullptr;
        const bool started = espeak_ng_Initialize(&context) == ENS_OK &&
                             espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) == ENS_OK;
        if (context != nullptr) espeak_ng_ClearErrorContext(&context);
        if (!started) return;
        espeak_SetSynthCallback(collect_samples);
        sample_rate = espeak_ng_GetSampleRate();
    });
    return sample_rate;
}

// The engine's global state allows one synthesis at a time, whichever EspeakVoice asks.
std::mutex& engine_mutex() {
    static std::mutex m;
    return m;
}

} // namespace

Status EspeakVoice::ensure_initialised() {
    if (initialised_) return Ok{};
    const int rate = start_engine_once(options_.data_path);
    if (rate <= 0)
        return make_error("speech_unavailable",
                          "espeak-ng could not start (data folder " +
                              (options_.data_path.empty() ? std::string("default") : options_.data_path) +
                              "); is espeak-ng-data installed?");
    sample_rate_ = rate;
    initialised_ = true;
    return Ok{};
}

bool EspeakVoice::can_say(const speech::SpeechPhrase& phrase) const {
    return !phrase.text.empty() && !phrase.language.empty();
}

Result<speech::PcmAudio> EspeakVoice::render(const speech::SpeechPhrase& phrase) {
    std::lock_guard lock(mutex_);
    const std::string key = phrase.language + '\n' + phrase.text;
    if (auto it = cache_.find(key); it != cache_.end()) {
        ++hits_;
        return it->second;
    }
    if (auto st = ensure_initialised(); !st) return st.error();
    std::lock_guard engine(engine_mutex());
    if (espeak_SetVoiceByName(phrase.language.c_str()) != EE_OK)
        return make_error("speech_unavailable", "espeak-ng has no voice '" + phrase.language + "'");
    espeak_SetParameter(espeakRATE, options_.rate_wpm, 0);
    std::vector<std::int16_t> samples;
    const auto rc = espeak_Synth(phrase.text.c_str(), phrase.text.size() + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, nullptr, &samples);
    if (rc != EE_OK) return make_error("speech_failed", "espeak-ng could not say: " + phrase.text);
    speech::PcmAudio audio;
    audio.sample_rate = sample_rate_;
    audio.samples = std::move(samples);
    if (audio.empty()) return make_error("speech_failed", "espeak-ng produced no sound for: " + phrase.text);
    // The cache holds phrases, not a growing history: when full, start over.
    if (cache_.size() >= options_.cache_entries) cache_.clear();
    cache_.emplace(key, audio);
    return audio;
}

std::size_t EspeakVoice::cache_hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
}

} // namespace kiosk::audio
