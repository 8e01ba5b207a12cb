// ESC/POS encoding and decoding of raster tickets.
#include "drivers/printer/escpos.hpp"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string>

namespace kiosk::printer {

namespace {
constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;

// push_back rather than insert(initializer_list): the latter trips a GCC 12 -O2 -Wstringop-overflow false
// positive.
void put(std::vector<std::uint8_t>& out, std::initializer_list<std::uint8_t> bytes) {
    for (std::uint8_t b : bytes)
        out.push_back(b);
}

void put16(std::vector<std::uint8_t>& out, int v) {
    out.push_back(static_cast<std::uint8_t>(v & 0xFF));
    out.push_back(static_cast<std::uint8_t>((v >> 8) & 0xFF));
}
} // namespace

std::vector<std::uint8_t> encode_escpos(const Raster& raster, const EscPosOptions& options) {
    const int band_rows = std::clamp(options.band_rows, 1, 255);
    const int stride = raster.stride();
    std::vector<std::uint8_t> out;
    out.reserve(raster.bytes().size() + 16 + 8 * static_cast<size_t>(raster.height() / band_rows + 1));
    put(out, {ESC, '@'});
    for (int y = 0; y < raster.height(); y += band_rows) {
        const int rows = std::min(band_rows, raster.height() - y);
        put(out, {GS, 'v', '0', 0}); // m = 0: normal density
        put16(out, stride);
        put16(out, rows);
        const std::uint8_t* src = raster.row(y);
        out.insert(out.end(), src, src + static_cast<size_t>(stride) * static_cast<size_t>(rows));
    }
    if (options.feed_lines > 0)
        put(out, {ESC, 'd', static_cast<std::uint8_t>(std::min(options.feed_lines, 255))});
    if (options.cut == CutMode::full) put(out, {GS, 'V', 0});
    if (options.cut == CutMode::partial) put(out, {GS, 'V', 1});
    return out;
}

Result<DecodedEscPos> decode_escpos(std::span<const std::uint8_t> b) {
    DecodedEscPos d;
    int width_bytes = -1;
    std::vector<std::uint8_t> bits;
    int height = 0;
    size_t i = 0;
    auto fail = [&](const std::string& what) {
        return make_error("escpos_invalid", what + " at byte offset " + std::to_string(i));
    };
    auto need = [&](size_t n) { return i + n <= b.size(); };
    while (i < b.size()) {
        if (d.cut != CutMode::none) return fail("data after the cut command");
        if (b[i] == ESC && need(2) && b[i + 1] == '@') {
            ++d.initialise_count;
            i += 2;
        } else if (b[i] == ESC && need(3) && b[i + 1] == 'd') {
            d.feed_lines += b[i + 2];
            i += 3;
        } else if (b[i] == GS && need(8) && b[i + 1] == 'v' && b[i + 2] == '0') {
            if (b[i + 3] != 0 && b[i + 3] != '0')
                return fail("unsupported GS v 0 density mode " + std::to_string(b[i + 3]));
            const int xb = b[i + 4] | (b[i + 5] << 8);
            const int rows = b[i + 6] | (b[i + 7] << 8);
            if (xb == 0 || rows == 0) return fail("empty GS v 0 band");
            if (width_bytes >= 0 && xb != width_bytes)
                return fail("band width " + std::to_string(xb) + " bytes differs from first band's " +
                            std::to_string(width_bytes));
            const size_t n = static_cast<size_t>(xb) * static_cast<size_t>(rows);
            i += 8;
            if (!need(n)) return fail("truncated GS v 0 band: needs " + std::to_string(n) + " bytes");
            width_bytes = xb;
            bits.insert(bits.end(), b.begin() + static_cast<std::ptrdiff_t>(i),
                        b.begin() + static_cast<std::ptrdiff_t>(i + n));
            height += rows;
            ++d.bands;
            i += n;
        } else if (b[i] == GS && need(3) && b[i + 1] == 'V') {
            const std::uint8_t m = b[i + 2];
            if (m == 0 || m == '0')
                d.cut = CutMode::full;
            else if (m == 1 || m == '1')
                d.cut = CutMode::partial;
            else if ((m == 65 || m == 66) && need(4)) {
                d.cut = m == 65 ? CutMode::full : CutMode::partial;
                ++i; // the feed amount n
            } else
                return fail("unsupported GS V cut mode " + std::to_string(m));
            i += 3;
        } else {
            return fail("unexpected byte 0x" + std::string(1, "0123456789ABCDEF"[b[i] >> 4]) +
                        std::string(1, "0123456789ABCDEF"[b[i] & 15]));
        }
    }
    if (width_bytes > 0) {
        d.raster = Raster(width_bytes * 8, height);
        std::memcpy(d.raster.bytes().data(), bits.data(), bits.size());
    }
    return d;
}

} // namespace kiosk::printer
