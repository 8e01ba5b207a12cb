#include "drivers/scanner/image_ops.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace kiosk::scanner::ops {
namespace {

std::uint8_t clamp_u8(int v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0, 255));
}

GrayImage blank(int w, int h) {
    GrayImage out;
    out.width = std::max(w, 0);
    out.height = std::max(h, 0);
    out.pixels.assign(static_cast<size_t>(out.width) * out.height, 0);
    return out;
}

// Integral image with one row/column of zero padding: sum of rect = I[y1][x1]-I[y0][x1]-I[y1][x0]+I[y0][x0].
template <class T, class F> std::vector<T> integral(const GrayImage& in, F f) {
    const int w = in.width, h = in.height;
    std::vector<T> s(static_cast<size_t>(w + 1) * (h + 1), 0);
    for (int y = 0; y < h; ++y) {
        T row = 0;
        const std::uint8_t* p = in.pixels.data() + static_cast<size_t>(y) * w;
        T* cur = s.data() + static_cast<size_t>(y + 1) * (w + 1);
        const T* prev = s.data() + static_cast<size_t>(y) * (w + 1);
        for (int x = 0; x < w; ++x) {
            row += f(p[x]);
            cur[x + 1] = prev[x + 1] + row;
        }
    }
    return s;
}

} // namespace

GrayImage downscale(const GrayImage& in, int factor) {
    if (factor <= 1) return in;
    GrayImage out = blank(in.width / factor, in.height / factor);
    const int area = factor * factor;
    std::vector<int> acc(out.width);
    for (int oy = 0; oy < out.height; ++oy) {
        std::fill(acc.begin(), acc.end(), 0);
        for (int dy = 0; dy < factor; ++dy) {
            const std::uint8_t* row = in.pixels.data() + static_cast<size_t>(oy * factor + dy) * in.width;
            for (int ox = 0; ox < out.width; ++ox) {
                const std::uint8_t* p = row + ox * factor;
                int s = 0;
                for (int dx = 0; dx < factor; ++dx)
                    s += p[dx];
                acc[ox] += s;
            }
        }
        std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(oy) * out.width;
        for (int ox = 0; ox < out.width; ++ox)
            dst[ox] = static_cast<std::uint8_t>((acc[ox] + area / 2) / area);
    }
    return out;
}

GrayImage upscale2(const GrayImage& in) {
    GrayImage out = blank(in.width * 2, in.height * 2);
    if (in.width == 0 || in.height == 0) return out;
    // Output pixel centres sit at input coordinates (x - 0.5) / 2: weights 1/4 and 3/4.
    for (int oy = 0; oy < out.height; ++oy) {
        const int sy = oy / 2;
        const int ny = std::clamp(oy % 2 == 0 ? sy - 1 : sy + 1, 0, in.height - 1);
        const std::uint8_t* r0 = in.pixels.data() + static_cast<size_t>(sy) * in.width;
        const std::uint8_t* r1 = in.pixels.data() + static_cast<size_t>(ny) * in.width;
        std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(oy) * out.width;
        for (int ox = 0; ox < out.width; ++ox) {
            const int sx = ox / 2;
            const int nx = std::clamp(ox % 2 == 0 ? sx - 1 : sx + 1, 0, in.width - 1);
            const int v = 9 * r0[sx] + 3 * r0[nx] + 3 * r1[sx] + r1[nx];
            dst[ox] = static_cast<std::uint8_t>((v + 8) / 16);
        }
    }
    return out;
}

GrayImage stretch_contrast(const GrayImage& in, double low_fraction, double high_fraction) {
    std::array<size_t, 256> hist{};
    for (std::uint8_t p : in.pixels)
        ++hist[p];
    const size_t n = in.pixels.size();
    if (n == 0) return in;
    const auto lo_count = static_cast<size_t>(low_fraction * static_cast<double>(n));
    const auto hi_count = static_cast<size_t>(high_fraction * static_cast<double>(n));
    int lo = 0, hi = 255;
    size_t acc = 0;
    for (int v = 0; v < 256; ++v) {
        acc += hist[v];
        if (acc > lo_count) {
            lo = v;
            break;
        }
    }
    acc = 0;
    for (int v = 0; v < 256; ++v) {
        acc += hist[v];
        if (acc >= hi_count) {
            hi = v;
            break;
        }
    }
    if (hi - lo < 2) return in; // flat image: stretching would only amplify noise
    std::array<std::uint8_t, 256> lut{};
    for (int v = 0; v < 256; ++v)
        lut[v] = clamp_u8((v - lo) * 255 / (hi - lo));
    GrayImage out = in;
    for (auto& p : out.pixels)
        p = lut[p];
    return out;
}

GrayImage local_normalize(const GrayImage& in, int radius, int min_spread) {
    const int w = in.width, h = in.height;
    GrayImage out = blank(w, h);
    if (w == 0 || h == 0) return out;
    const auto sum = integral<std::uint32_t>(in, [](std::uint8_t v) { return std::uint32_t{v}; });
    const auto sq = integral<std::uint64_t>(in, [](std::uint8_t v) { return std::uint64_t{v} * v; });
    const size_t W = static_cast<size_t>(w) + 1;
    const float floor2 = static_cast<float>(min_spread) * static_cast<float>(min_spread);
    for (int y = 0; y < h; ++y) {
        const int y0 = std::max(0, y - radius), y1 = std::min(h, y + radius + 1);
        const std::uint32_t* s0 = sum.data() + y0 * W;
        const std::uint32_t* s1 = sum.data() + y1 * W;
        const std::uint64_t* q0 = sq.data() + y0 * W;
        const std::uint64_t* q1 = sq.data() + y1 * W;
        const std::uint8_t* src = in.pixels.data() + static_cast<size_t>(y) * w;
        std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const int x0 = std::max(0, x - radius), x1 = std::min(w, x + radius + 1);
            const float inv_area = 1.0f / static_cast<float>((y1 - y0) * (x1 - x0));
            const float mean = static_cast<float>(s1[x1] - s0[x1] - s1[x0] + s0[x0]) * inv_area;
            const float mean_sq = static_cast<float>(q1[x1] - q0[x1] - q1[x0] + q0[x0]) * inv_area;
            const float var = std::max(mean_sq - mean * mean, floor2);
            const float v = 128.0f + 60.0f * (static_cast<float>(src[x]) - mean) / std::sqrt(var);
            dst[x] = static_cast<std::uint8_t>(std::clamp(v + 0.5f, 0.0f, 255.0f));
        }
    }
    return out;
}

GrayImage blur3(const GrayImage& in) {
    const int w = in.width, h = in.height;
    GrayImage out = blank(w, h);
    if (w == 0 || h == 0) return out;
    std::vector<int> tmp(static_cast<size_t>(w) * h);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* r = in.pixels.data() + static_cast<size_t>(y) * w;
        int* t = tmp.data() + static_cast<size_t>(y) * w;
        for (int x = 0; x < w; ++x)
            t[x] = r[std::max(x - 1, 0)] + r[x] + r[std::min(x + 1, w - 1)];
    }
    for (int y = 0; y < h; ++y) {
        const int* a = tmp.data() + static_cast<size_t>(std::max(y - 1, 0)) * w;
        const int* b = tmp.data() + static_cast<size_t>(y) * w;
        const int* c = tmp.data() + static_cast<size_t>(std::min(y + 1, h - 1)) * w;
        std::uint8_t* dst = out.pixels.data() + static_cast<size_t>(y) * w;
        for (int x = 0; x < w; ++x)
            dst[x] = static_cast<std::uint8_t>((a[x] + b[x] + c[x] + 4) / 9);
    }
    return out;
}

GrayImage sharpen(const GrayImage& in, int amount_quarters) {
    const GrayImage soft = blur3(in);
    GrayImage out = in;
    for (size_t i = 0; i < out.pixels.size(); ++i) {
        const int v = in.pixels[i];
        out.pixels[i] = clamp_u8(v + amount_quarters * (v - soft.pixels[i]) / 4);
    }
    return out;
}

} // namespace kiosk::scanner::ops
