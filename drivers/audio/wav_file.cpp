#include "drivers/audio/wav_file.hpp"

#include <cstring>
#include <fstream>
#include <iterator>

namespace kiosk::audio {

namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_u16(std::vector<std::uint8_t>& out, std::uint16_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put_tag(std::vector<std::uint8_t>& out, const char* tag) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(tag[i]));
}

std::uint32_t get_u32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
           static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}
std::uint16_t get_u16(const std::vector<std::uint8_t>& b, std::size_t at) {
    return static_cast<std::uint16_t>(b[at] | b[at + 1] << 8);
}
bool tag_is(const std::vector<std::uint8_t>& b, std::size_t at, const char* tag) {
    return std::memcmp(b.data() + at, tag, 4) == 0;
}

Error bad(const std::string& name, const std::string& what) {
    return make_error("invalid_wav", name + ": " + what);
}

} // namespace

std::vector<std::uint8_t> encode_wav(const speech::PcmAudio& audio) {
    const auto data_bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    std::vector<std::uint8_t> out;
    out.reserve(44 + data_bytes);
    put_tag(out, "RIFF");
    put_u32(out, 36 + data_bytes);
    put_tag(out, "WAVE");
    put_tag(out, "fmt ");
    put_u32(out, 16);
    put_u16(out, 1); // PCM
    put_u16(out, 1); // mono
    put_u32(out, static_cast<std::uint32_t>(audio.sample_rate));
    put_u32(out, static_cast<std::uint32_t>(audio.sample_rate) * 2);
    put_u16(out, 2);
    put_u16(out, 16);
    put_tag(out, "data");
    put_u32(out, data_bytes);
    for (auto s : audio.samples)
        put_u16(out, static_cast<std::uint16_t>(s));
    return out;
}

Result<speech::PcmAudio> decode_wav(const std::vector<std::uint8_t>& b, const std::string& name) {
    if (b.size() < 12 || !tag_is(b, 0, "RIFF") || !tag_is(b, 8, "WAVE"))
        return bad(name, "not a RIFF/WAVE file");
    std::size_t at = 12;
    int channels = 0, bits = 0, format = 0;
    std::uint32_t rate = 0;
    while (at + 8 <= b.size()) {
        const auto size = get_u32(b, at + 4);
        const std::size_t body = at + 8;
        if (size > b.size() - body) {
            // A truncated data chunk is common in clips cut by hand; take what is there.
            if (!tag_is(b, at, "data")) return bad(name, "chunk runs past the end of the file");
        }
        if (tag_is(b, at, "fmt ")) {
            if (size < 16) return bad(name, "fmt chunk too short");
            format = get_u16(b, body);
            channels = get_u16(b, body + 2);
            rate = get_u32(b, body + 4);
            bits = get_u16(b, body + 14);
        } else if (tag_is(b, at, "data")) {
            if (format != 1)
                return bad(name,
                           "only uncompressed PCM is supported (format " + std::to_string(format) + ")");
            if (channels < 1 || channels > 2) return bad(name, "only mono or stereo is supported");
            if (bits != 8 && bits != 16) return bad(name, "only 8- or 16-bit samples are supported");
            if (rate < 4000 || rate > 192000)
                return bad(name, "implausible sample rate " + std::to_string(rate));
            const std::size_t end = std::min<std::size_t>(b.size(), body + size);
            const std::size_t frame = static_cast<std::size_t>(channels) * (bits / 8);
            speech::PcmAudio audio;
            audio.sample_rate = static_cast<int>(rate);
            audio.samples.reserve((end - body) / frame);
            for (std::size_t p = body; p + frame <= end; p += frame) {
                int sum = 0;
                for (int c = 0; c < channels; ++c) {
                    if (bits == 16)
                        sum += static_cast<std::int16_t>(get_u16(b, p + static_cast<std::size_t>(c) * 2));
                    else
                        sum += (static_cast<int>(b[p + static_cast<std::size_t>(c)]) - 128) * 256;
                }
                audio.samples.push_back(static_cast<std::int16_t>(sum / channels));
            }
            return audio;
        }
        at = body + size + (size & 1U);
    }
    return bad(name, format == 0 ? "no fmt chunk" : "no data chunk");
}

Status write_wav(const std::filesystem::path& path, const speech::PcmAudio& audio) {
    const auto bytes = encode_wav(audio);
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return make_error("io", "cannot write " + tmp);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) return make_error("io", "short write to " + tmp);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return make_error("io", "cannot rename " + tmp + ": " + ec.message());
    return Ok{};
}

Result<speech::PcmAudio> read_wav(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("not_found", "cannot open " + path.string());
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return decode_wav(bytes, path.string());
}

} // namespace kiosk::audio
