#include "drivers/audio/clip_voice.hpp"

#include "drivers/audio/wav_file.hpp"

namespace kiosk::audio {

ClipVoice::ClipVoice(std::filesystem::path folder, int gap_ms)
    : folder_(std::move(folder)), gap_ms_(gap_ms) {}

std::filesystem::path ClipVoice::clip_path(const std::string& clip) const {
    return folder_ / (clip + ".wav");
}

bool ClipVoice::can_say(const speech::SpeechPhrase& phrase) const {
    if (folder_.empty() || phrase.clips.empty()) return false;
    std::error_code ec;
    for (const auto& clip : phrase.clips)
        if (!std::filesystem::is_regular_file(clip_path(clip), ec)) return false;
    return true;
}

Result<speech::PcmAudio> ClipVoice::load(const std::string& clip) {
    if (auto it = loaded_.find(clip); it != loaded_.end()) return it->second;
    auto audio = read_wav(clip_path(clip));
    if (!audio) return audio.error();
    loaded_.emplace(clip, *audio);
    return audio;
}

Result<speech::PcmAudio> ClipVoice::render(const speech::SpeechPhrase& phrase) {
    std::lock_guard lock(mutex_);
    if (phrase.clips.empty()) return make_error("no_clips", "phrase has no clip plan: " + phrase.text);
    speech::PcmAudio out;
    out.sample_rate = 0;
    for (std::size_t i = 0; i < phrase.clips.size(); ++i) {
        auto clip = load(phrase.clips[i]);
        if (!clip) return clip.error();
        if (out.sample_rate == 0) out.sample_rate = clip->sample_rate;
        if (i > 0) speech::append_silence(out, gap_ms_);
        speech::append(out, *clip);
    }
    return out;
}

} // namespace kiosk::audio
