#include "drivers/audio/sdl_audio_sink.hpp"

#include <SDL.h>

#include <chrono>
#include <thread>

namespace kiosk::audio {

SdlAudioSink::~SdlAudioSink() {
    close();
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioSink::close() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    device_ = 0;
    device_rate_ = 0;
}

Status SdlAudioSink::open(int sample_rate) {
    if (device_ != 0 && device_rate_ == sample_rate) return Ok{};
    close();
    if (!subsystem_) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
            return make_error("audio_unavailable", std::string("SDL audio: ") + SDL_GetError());
        subsystem_ = true;
    }
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    const auto device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0); // SDL converts if it must
    if (device == 0)
        return make_error("audio_unavailable", std::string("no audio device: ") + SDL_GetError());
    device_ = device;
    device_rate_ = sample_rate;
    return Ok{};
}

Status SdlAudioSink::play(const speech::PcmAudio& audio) {
    stop_requested_ = false;
    if (audio.empty()) return Ok{};
    if (auto st = open(audio.sample_rate); !st) return st;
    if (SDL_QueueAudio(device_, audio.samples.data(), static_cast<Uint32>(audio.samples.size() * 2)) != 0)
        return make_error("audio_failed", std::string("SDL_QueueAudio: ") + SDL_GetError());
    SDL_PauseAudioDevice(device_, 0);
    // Bounded wait: the sound's own length plus two seconds of slack for a slow device.
    const auto limit = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long>(audio.seconds() * 1000) + 2000);
    while (SDL_GetQueuedAudioSize(device_) > 0 && !stop_requested_ &&
           std::chrono::steady_clock::now() < limit)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (stop_requested_)
        SDL_ClearQueuedAudio(device_);
    else
        std::this_thread::sleep_for(
            std::chrono::milliseconds(1000 * 1024 / audio.sample_rate)); // last buffer
    SDL_PauseAudioDevice(device_, 1);
    return Ok{};
}

} // namespace kiosk::audio
