#include "drivers/audio/wav_folder_sink.hpp"

#include "drivers/audio/wav_file.hpp"

#include <cstdio>

namespace kiosk::audio {

Status WavFolderSink::play(const speech::PcmAudio& audio) {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) return make_error("io", "cannot create " + folder_.string() + ": " + ec.message());
    char name[32];
    std::snprintf(name, sizeof name, "utterance-%04d.wav", written_.load() + 1);
    auto st = write_wav(folder_ / name, audio);
    if (st) ++written_;
    return st;
}

} // namespace kiosk::audio
