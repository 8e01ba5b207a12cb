#pragma once
// Synthetic camera frames for the decoder's tests and benchmark: a QR code (ZXing MultiFormatWriter) printed
// on a receipt held in front of a 1280x720 camera, with rotation, perspective, uneven light, faded ink,
// blur, sensor noise and JPEG artefacts. Everything derives from a seed (own RNG arithmetic, so the set is
// the same on every machine and standard library). Header-only: the bench CMake builds *_bench.cpp only.
// It does not try to imitate a particular camera model; the ranges are stated in random_params().

#include "drivers/scanner/frame.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::testgen {

// splitmix64: tiny, portable, deterministic.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform(double a, double b) {
        return a + (b - a) * (static_cast<double>(next() >> 11) * 0x1.0p-53);
    }
    int integer(int a, int b) { return a + static_cast<int>(next() % static_cast<std::uint64_t>(b - a + 1)); }
    bool chance(double p) { return uniform(0, 1) < p; }
    double normal() { // Box-Muller
        const double u1 = std::max(uniform(0, 1), 1e-12), u2 = uniform(0, 1);
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

  private:
    std::uint64_t s_;
};

struct GenParams {
    std::string payload;
    int ecc_level = 4;      // ZXing writer level 0-8 (L..H)
    double module_px = 5;   // module size at the code's centre, pixels
    double angle_deg = 0;   // in-plane rotation
    double perspective = 0; // corner jitter as a fraction of the code size
    double center_dx = 0;   // code centre offset from the frame centre, pixels
    double center_dy = 0;
    double paper = 215;      // paper brightness
    double contrast = 150;   // paper minus ink
    double background = 90;  // desk/clothing behind the receipt
    double light_slope = 0;  // fraction of brightness lost across the frame (uneven light)
    double blur_sigma = 0.6; // Gaussian, pixels
    double noise_sigma = 3;  // Gaussian sensor noise, grey levels
    int jpeg_quality = 0;    // 0 = no JPEG round trip
    std::uint64_t texture_seed = 1;
    // Conditions of the held-out style set (all off by default):
    double glare = 0;            // peak brightness added by a specular spot (0 = none), grey levels
    double glare_radius = 0;     // its Gaussian radius, in code widths
    double shadow = 0;           // fraction of light lost on the shadowed side of an edge across the code
    double shadow_angle = 0;     // direction of that edge, degrees
    double warp = 0;             // crumpled paper: displacement amplitude in modules (smooth waves)
    double warp_wavelength = 20; // in modules
    bool phone = false;          // the code shown on a phone screen: emissive, dark bezel, pixel grid
    bool condition_set = false;  // made by condition_params() (its random draw order; see render())
};

inline std::string random_payload(Rng& rng) {
    char date[16];
    std::snprintf(date, sizeof date, "%02d%02d%02d", rng.integer(21, 26), rng.integer(1, 12),
                  rng.integer(1, 28));
    char agency[32];
    if (rng.chance(0.5))
        std::snprintf(agency, sizeof agency, "H%02d.%02d.%02d.%02d", rng.integer(10, 99), rng.integer(1, 99),
                      rng.integer(1, 30), rng.integer(1, 40));
    else
        std::snprintf(agency, sizeof agency, "000.%02d.%02d.H26", rng.integer(0, 40), rng.integer(0, 40));
    char seq[16];
    std::snprintf(seq, sizeof seq, "%04d", rng.integer(1, 9999));
    const std::string code = std::string(agency) + "-" + date + "-" + seq;
    const int kind = rng.integer(0, 9);
    if (kind < 5) return code;
    // Lookup URL shapes seen on receipts (host invented for tests): code, sometimes a short secret.
    std::string secret;
    for (int i = 0; i < 6; ++i)
        secret += "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.integer(0, 31)];
    if (kind < 8) return "https://dichvucong.hanoi.example.vn/tra-cuu-ho-so?ma=" + code + "&mtc=" + secret;
    return "https://motcua.example.vn/hs/" + code;
}

// The ranges of the benchmark set. Every frame is rotated (up to 35 degrees), skewed, unevenly lit, and
// placed off-centre; some get faded ink, strong blur, strong noise (independently), 60 % a JPEG round trip.
// `hard` raises the share of faded/blurred frames (about 25 % each instead of 12 % / 20 %).
inline GenParams random_params(Rng& rng, bool hard = false) {
    GenParams p;
    p.payload = random_payload(rng);
    p.ecc_level = std::array<int, 3>{2, 4, 6}[rng.integer(0, 2)];
    p.module_px = rng.uniform(3.0, 7.0);
    p.angle_deg = rng.uniform(-35.0, 35.0);
    p.perspective = rng.uniform(0.0, 0.12);
    p.center_dx = rng.uniform(-0.17, 0.17) * 1280;
    p.center_dy = rng.uniform(-0.14, 0.14) * 720;
    p.paper = rng.uniform(150, 235);
    p.contrast = rng.chance(hard ? 0.25 : 0.12) ? rng.uniform(30, 60) : rng.uniform(70, 170);
    p.contrast = std::min(p.contrast, p.paper - 10);
    p.background = rng.uniform(30, 170);
    p.light_slope = rng.uniform(0.0, 0.45);
    p.blur_sigma = rng.chance(hard ? 0.25 : 0.2) ? rng.uniform(1.1, hard ? 1.7 : 1.6) : rng.uniform(0.3, 1.1);
    p.noise_sigma = rng.chance(0.25) ? rng.uniform(6, 12) : rng.uniform(1, 6);
    p.jpeg_quality = rng.chance(0.6) ? rng.integer(25, 85) : 0;
    p.texture_seed = rng.next();
    return p;
}

namespace detail {

// Solves the 3x3 homography H with H * src[i] ~ dst[i] (h33 = 1) by Gaussian elimination.
inline std::array<double, 9> homography(const std::array<std::array<double, 2>, 4>& src,
                                        const std::array<std::array<double, 2>, 4>& dst) {
    double a[8][9] = {};
    for (int i = 0; i < 4; ++i) {
        const double x = src[i][0], y = src[i][1], u = dst[i][0], v = dst[i][1];
        double r1[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
        double r2[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        std::copy(r1, r1 + 9, a[2 * i]);
        std::copy(r2, r2 + 9, a[2 * i + 1]);
    }
    for (int c = 0; c < 8; ++c) {
        int piv = c;
        for (int r = c + 1; r < 8; ++r)
            if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
        std::swap(a[c], a[piv]);
        for (int r = 0; r < 8; ++r) {
            if (r == c) continue;
            const double f = a[r][c] / a[c][c];
            for (int k = c; k < 9; ++k)
                a[r][k] -= f * a[c][k];
        }
    }
    std::array<double, 9> h{};
    for (int i = 0; i < 8; ++i)
        h[i] = a[i][8] / a[i][i];
    h[8] = 1;
    return h;
}

inline void gaussian_blur(std::vector<float>& img, int w, int h, double sigma) {
    if (sigma < 0.2) return;
    const int r = static_cast<int>(std::ceil(3 * sigma));
    std::vector<float> k(2 * r + 1);
    float sum = 0;
    for (int i = -r; i <= r; ++i)
        sum += k[i + r] = static_cast<float>(std::exp(-(i * i) / (2 * sigma * sigma)));
    for (auto& v : k)
        v /= sum;
    std::vector<float> tmp(img.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float s = 0;
            for (int i = -r; i <= r; ++i)
                s += k[i + r] * img[static_cast<size_t>(y) * w + std::clamp(x + i, 0, w - 1)];
            tmp[static_cast<size_t>(y) * w + x] = s;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float s = 0;
            for (int i = -r; i <= r; ++i)
                s += k[i + r] * tmp[static_cast<size_t>(std::clamp(y + i, 0, h - 1)) * w + x];
            img[static_cast<size_t>(y) * w + x] = s;
        }
}

inline void append_bytes(void* ctx, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(ctx);
    out->insert(out->end(), static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
}

} // namespace detail

// JPEG encode/decode round trip of a grey image (the artefacts an MJPEG camera adds).
inline scanner::GrayImage jpeg_round_trip(const scanner::GrayImage& in, int quality) {
    std::vector<unsigned char> jpg;
    stbi_write_jpg_to_func(detail::append_bytes, &jpg, in.width, in.height, 1, in.pixels.data(), quality);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load_from_memory(jpg.data(), static_cast<int>(jpg.size()), &w, &h, &n, 1);
    if (!px) return in;
    scanner::GrayImage out;
    out.width = w;
    out.height = h;
    out.pixels.assign(px, px + static_cast<size_t>(w) * h);
    stbi_image_free(px);
    return out;
}

inline scanner::GrayImage render(const GenParams& p, int width = 1280, int height = 720) {
    const ZXing::BitMatrix qr = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                    .setEccLevel(p.ecc_level)
                                    .setMargin(0)
                                    .encode(p.payload, 0, 0);
    const int n = qr.width();
    // Code plane in module units: QR at [0, n]^2, receipt paper around it with printed text lines.
    const double half = n / 2.0, side = n * p.module_px;
    const double cx = width / 2.0 + p.center_dx, cy = height / 2.0 + p.center_dy;
    const double th = p.angle_deg * 3.141592653589793 / 180.0;
    Rng rng(p.texture_seed);
    std::array<std::array<double, 2>, 4> plane = {
        {{0, 0}, {double(n), 0}, {double(n), double(n)}, {0, double(n)}}};
    std::array<std::array<double, 2>, 4> image{};
    for (int i = 0; i < 4; ++i) {
        const double u = (plane[i][0] - half) * p.module_px, v = (plane[i][1] - half) * p.module_px;
        image[i][0] = cx + u * std::cos(th) - v * std::sin(th) + rng.uniform(-1, 1) * p.perspective * side;
        image[i][1] = cy + u * std::sin(th) + v * std::cos(th) + rng.uniform(-1, 1) * p.perspective * side;
    }
    const auto h = detail::homography(image, plane); // image -> plane
    // Receipt extent in modules and its text lines (dark strokes), as printed on a real appointment slip.
    // (A QR of ~2.5 cm on an A5/A4 slip: the paper usually fills much of the frame.)
    const double rl = -rng.uniform(6, 40), rt = -rng.uniform(6, 40), rr = n + rng.uniform(10, 90),
                 rb = n + rng.uniform(8, 60);
    struct Line {
        double v0, v1;
        std::vector<std::pair<double, double>> segs; // [u0, u1), sorted
    };
    std::vector<Line> lines;
    for (double v = rt + 1.5; v < rb - 1.5; v += rng.uniform(2.5, 4.0)) {
        Line line{v, v + rng.uniform(0.6, 1.4), {}};
        for (double u = rl + 1; u < rr - 1;) {
            const double len = rng.uniform(1.5, 7.0), u1 = std::min(u + len, rr - 1);
            // keep the quiet zone (4 modules) around the code clean
            if (!(u1 > -4 && u < n + 4 && line.v1 > -4 && line.v0 < n + 4)) line.segs.emplace_back(u, u1);
            u += len + rng.uniform(0.6, 2.0);
        }
        lines.push_back(std::move(line));
    }
    auto stroke_at = [&](double u, double v) {
        for (const auto& line : lines) {
            if (v < line.v0 || v >= line.v1) continue;
            auto it = std::upper_bound(line.segs.begin(), line.segs.end(), std::make_pair(u, 1e300));
            if (it == line.segs.begin()) return false;
            --it;
            return u >= it->first && u < it->second;
        }
        return false;
    };
    // Low-frequency texture of the background and paper.
    std::array<double, 8> waves{};
    for (auto& w : waves)
        w = rng.uniform(0, 6.283);
    // Frames of the condition set draw these from the main stream; older frames (the unit tests' hand-picked
    // cases, the standard set) from a side stream, so that they stay exactly as they were.
    Rng side_rng(p.texture_seed ^ 0x5eed14ull);
    Rng& crng = p.condition_set ? rng : side_rng;
    const double screen_k = 6.283185307179586 / crng.uniform(2.2, 3.6);
    const double sa = p.shadow_angle * 3.141592653589793 / 180.0;
    const std::array<double, 2> shadow_dir = {std::cos(sa), std::sin(sa)};
    const double shadow_offset = crng.uniform(-0.3, 0.3) * side, shadow_soft = crng.uniform(1.5, 12.0);
    const double glare_x = cx + crng.uniform(-0.45, 0.45) * side,
                 glare_y = cy + crng.uniform(-0.45, 0.45) * side;
    const double glare_r = std::max(2.0, p.glare_radius * side);
    const double ink = p.paper - p.contrast;
    std::vector<float> img(static_cast<size_t>(width) * height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            // Texture varies slowly: evaluate it once per pixel; the code edges get 2x2 supersampling.
            const double bg = p.background +
                              18 * std::sin(x * 0.013 + waves[2]) * std::cos(y * 0.021 + waves[3]) +
                              8 * std::sin(x * 0.11 + y * 0.07 + waves[4]);
            double acc = 0, crease = 1.0;
            for (int sy = 0; sy < 2; ++sy)
                for (int sx = 0; sx < 2; ++sx) {
                    const double fx = x + 0.25 + 0.5 * sx, fy = y + 0.25 + 0.5 * sy;
                    const double w = h[6] * fx + h[7] * fy + h[8];
                    double u = (h[0] * fx + h[1] * fy + h[2]) / w, v = (h[3] * fx + h[4] * fy + h[5]) / w;
                    if (p.warp > 0) {
                        const double k = 6.283185307179586 / p.warp_wavelength;
                        const double du = p.warp * std::sin(v * k + waves[6]) * std::cos(u * k * 0.7),
                                     dv = p.warp * std::sin(u * k * 1.3 + waves[7]) * std::cos(v * k * 0.8);
                        u += du;
                        v += dv;
                        // the slope of the paper towards the light: brighter and darker bands along creases
                        crease = 1.0 + 0.6 * p.warp * k * std::cos(v * k + waves[6]) * std::cos(u * k * 0.7);
                    }
                    if (p.phone && u >= -4 && u < n + 4 && v >= -4 && v < n + 4) {
                        // the screen: emissive white, with the display's pixel grid (screen-door pattern)
                        const bool dark = u >= 0 && u < n && v >= 0 && v < n &&
                                          qr.get(static_cast<int>(u), static_cast<int>(v));
                        const double grid = 1.0 - 0.12 * (0.5 + 0.5 * std::sin(fx * screen_k + fy * 0.3));
                        acc += (dark ? ink : p.paper) * grid;
                    } else if (p.phone && u >= -7 && u < n + 7 && v >= -10 && v < n + 18) {
                        acc += 25; // bezel
                    } else if (p.phone) {
                        acc += bg;
                    } else if (u >= rl && u < rr && v >= rt && v < rb) {
                        if (u >= 0 && u < n && v >= 0 && v < n)
                            acc += qr.get(static_cast<int>(u), static_cast<int>(v)) ? ink : p.paper;
                        else
                            acc += stroke_at(u, v) ? ink + 0.3 * p.contrast : p.paper;
                    } else {
                        acc += bg;
                    }
                }
            const double grain =
                4 * std::sin(x * 0.17 + waves[0]) * std::sin(y * 0.15 + waves[1]); // paper grain
            const double light =
                1.0 - p.light_slope * (0.5 + 0.5 * std::sin(x * 0.0021 + y * 0.0013 + waves[5]));
            double value = (acc / 4 + (p.phone ? 0 : grain)) * light * crease;
            if (p.shadow > 0) {
                // soft-edged shadow (a hand or the kiosk's hood) over one side of a line through the code
                const double d = (x - cx) * shadow_dir[0] + (y - cy) * shadow_dir[1] - shadow_offset;
                value *= 1.0 - p.shadow / (1.0 + std::exp(-d / shadow_soft));
            }
            if (p.glare > 0) {
                const double gx = x - glare_x, gy = y - glare_y;
                value += p.glare * std::exp(-(gx * gx + gy * gy) / (2 * glare_r * glare_r));
            }
            img[static_cast<size_t>(y) * width + x] = static_cast<float>(value);
        }
    }
    detail::gaussian_blur(img, width, height, p.blur_sigma);
    scanner::GrayImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(img.size());
    for (size_t i = 0; i < img.size(); ++i)
        out.pixels[i] = static_cast<std::uint8_t>(
            std::clamp(std::lround(img[i] + p.noise_sigma * rng.normal()), 0L, 255L));
    if (p.jpeg_quality > 0) out = jpeg_round_trip(out, p.jpeg_quality);
    return out;
}

struct GeneratedFrame {
    GenParams params;
    scanner::GrayImage image;
};

// Frame `index` of the set with `seed`: independent of how many frames are generated.
inline GeneratedFrame generate(std::uint64_t seed, int index, bool hard = false) {
    Rng rng(seed * 1000003ull + static_cast<std::uint64_t>(index));
    GeneratedFrame f;
    f.params = random_params(rng, hard);
    f.image = render(f.params);
    return f;
}

// ---- The condition set (issue 14): every frame is placed anywhere in the frame, 3-7 px modules, up to
// 35 degrees, some perspective, mild blur and noise, contrast >= 35 %, half of them JPEG 50-90; then one
// condition per frame (index % condition_count) is pushed to the edge of its range.
enum class Condition {
    anywhere,        // at the frame's border (but whole)
    small_modules,   // 3.0-3.6 px per module
    rotation,        // 25-35 degrees either way
    perspective,     // corner jitter 12-20 % of the code's size
    blur,            // Gaussian sigma 1.3-1.7 px
    noise,           // sensor noise sigma 8-14 grey levels
    low_contrast,    // ink/paper contrast 35-45 %
    jpeg,            // JPEG quality 30-45
    grey_background, // background only 10-40 grey levels darker than the paper
    glare,           // a specular spot (up to saturation) on part of the code
    shadow,          // a soft shadow edge across the code, 35-60 % darker on one side
    crumpled,        // bent/crumpled paper: 0.15-0.45 module waves of 30-60 modules, bends shaded
    phone_screen,    // the code on a phone's screen: bezel, pixel grid, emissive white
};
inline constexpr int condition_count = 13;

inline const char* condition_name(Condition c) {
    static constexpr const char* names[condition_count] = {
        "anywhere", "small_modules", "rotation", "perspective", "blur",     "noise",       "low_contrast",
        "jpeg",     "grey_bg",       "glare",    "shadow",      "crumpled", "phone_screen"};
    return names[static_cast<int>(c)];
}

// Modules across the QR code a payload needs (so that placement keeps the code inside the frame).
inline int qr_modules(const std::string& payload, int ecc_level) {
    return ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
        .setEccLevel(ecc_level)
        .setMargin(0)
        .encode(payload, 0, 0)
        .width();
}

inline GenParams condition_params(Rng& rng, Condition c, int width = 1280, int height = 720) {
    GenParams p;
    p.condition_set = true;
    p.payload = random_payload(rng);
    p.ecc_level = std::array<int, 3>{2, 4, 6}[rng.integer(0, 2)];
    p.module_px = c == Condition::small_modules ? rng.uniform(3.0, 3.6) : rng.uniform(3.0, 7.0);
    const double a = c == Condition::rotation ? rng.uniform(25.0, 35.0) : rng.uniform(0.0, 35.0);
    p.angle_deg = rng.chance(0.5) ? a : -a;
    p.perspective = c == Condition::perspective ? rng.uniform(0.12, 0.20) : rng.uniform(0.0, 0.08);
    p.paper = rng.uniform(150, 235);
    const double ratio = c == Condition::low_contrast ? rng.uniform(0.35, 0.45) : rng.uniform(0.5, 0.85);
    p.contrast = ratio * p.paper;
    p.background = rng.uniform(30, 170);
    p.light_slope = rng.uniform(0.0, 0.35);
    p.blur_sigma = c == Condition::blur ? rng.uniform(1.3, 1.7) : rng.uniform(0.3, 1.0);
    p.noise_sigma = c == Condition::noise ? rng.uniform(8, 14) : rng.uniform(1, 5);
    p.jpeg_quality = c == Condition::jpeg ? rng.integer(30, 45) : (rng.chance(0.5) ? rng.integer(50, 90) : 0);
    p.texture_seed = rng.next();
    if (c == Condition::grey_background) p.background = p.paper - rng.uniform(10, 40);
    if (c == Condition::glare) {
        p.glare = rng.uniform(80, 200);
        p.glare_radius = rng.uniform(0.05, 0.12);
    }
    if (c == Condition::shadow) {
        p.shadow = rng.uniform(0.35, 0.6);
        p.shadow_angle = rng.uniform(0, 360);
    }
    if (c == Condition::crumpled) {
        p.warp = rng.uniform(0.15, 0.45);
        p.warp_wavelength = rng.uniform(30, 60);
    }
    if (c == Condition::phone_screen) {
        p.phone = true;
        p.paper = rng.uniform(200, 250);
        p.contrast = p.paper - rng.uniform(10, 60);
    }
    // Anywhere in the frame, the whole code (and its quiet zone) inside it.
    const double side = qr_modules(p.payload, p.ecc_level) * p.module_px;
    const double reach = side * (0.5 * 1.42 + p.perspective) + 4 * p.module_px;
    const double max_dx = std::max(0.0, width / 2.0 - reach), max_dy = std::max(0.0, height / 2.0 - reach);
    p.center_dx = rng.uniform(-max_dx, max_dx);
    p.center_dy = rng.uniform(-max_dy, max_dy);
    if (c == Condition::anywhere) { // pushed against one or two borders
        if (rng.chance(0.5)) p.center_dx = rng.chance(0.5) ? max_dx : -max_dx;
        if (rng.chance(0.5) || std::abs(p.center_dx) < max_dx)
            p.center_dy = rng.chance(0.5) ? max_dy : -max_dy;
    }
    return p;
}

struct ConditionFrame {
    Condition condition;
    GenParams params;
    scanner::GrayImage image;
};

// Frame `index` of the condition set with `seed` (condition = index % condition_count).
inline ConditionFrame generate_condition(std::uint64_t seed, int index) {
    Rng rng(seed * 2654435761ull + static_cast<std::uint64_t>(index) * 97 + 14);
    ConditionFrame f;
    f.condition = static_cast<Condition>(index % condition_count);
    f.params = condition_params(rng, f.condition);
    f.image = render(f.params);
    return f;
}

// A frame with no code: textured background, a blank receipt, noise (for "no false read" checks).
inline scanner::GrayImage render_blank(std::uint64_t seed, int width = 1280, int height = 720) {
    Rng rng(seed);
    scanner::GrayImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(static_cast<size_t>(width) * height);
    const double base = rng.uniform(60, 200), noise = rng.uniform(2, 40);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            out.pixels[static_cast<size_t>(y) * width + x] = static_cast<std::uint8_t>(std::clamp(
                std::lround(base + 20 * std::sin(x * 0.02) * std::cos(y * 0.03) + noise * rng.normal()), 0L,
                255L));
    return out;
}

} // namespace kiosk::testgen
