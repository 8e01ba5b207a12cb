// Decode benchmark: our ZxingDecoder ladder vs raw ZXing-cpp 1.4 (try-harder) vs ZBar, side by side on the
// same set of generated camera-like 1280x720 frames with known payloads (see frames/frame_gen.hpp).
// Prints decode rate and median / p90 time per frame. Single-threaded: pin it to one core with
//   taskset -c 0 ./decode_bench [--frames N] [--seed S] [--save-examples DIR] [--failures] [--hard]
// Not a CTest test; figures depend on the machine. Build Release for meaningful times.

// zbar.h first: ZXing's Error.h defines macros (UnsupportedError, ...) that clash with zbar's C++ classes.
#ifdef KIOSK_HAVE_ZBAR
#include <zbar.h>
#endif

#include "drivers/scanner/zxing_decoder.hpp"
#include "tests/bench/frames/frame_gen.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

struct Row {
    std::string name;
    int read = 0, wrong = 0, total = 0;
    std::vector<double> ms;     // wall time
    std::vector<double> cpu_ms; // this thread's CPU time (robust on a shared machine)
    std::vector<int> failed;
};

double cpu_now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

// Runs `decode` (returns the text read, empty for none) over every frame.
Row run(const std::string& name, const std::vector<testgen::GeneratedFrame>& frames,
        const std::function<std::string(const scanner::GrayImage&)>& decode) {
    Row row;
    row.name = name;
    for (size_t i = 0; i < frames.size(); ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpu_now_ms();
        const std::string text = decode(frames[i].image);
        row.cpu_ms.push_back(cpu_now_ms() - c0);
        row.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        ++row.total;
        if (text == frames[i].params.payload)
            ++row.read;
        else {
            if (!text.empty()) ++row.wrong;
            row.failed.push_back(static_cast<int>(i));
        }
    }
    return row;
}

void print_row(const Row& r) {
    std::printf("%-34s %4d/%-4d %5.1f %%  wrong %-2d | cpu median %6.2f p90 %6.2f ms | wall median %6.2f p90 "
                "%6.2f max "
                "%6.2f ms\n",
                r.name.c_str(), r.read, r.total, 100.0 * r.read / std::max(1, r.total), r.wrong,
                percentile(r.cpu_ms, 0.5), percentile(r.cpu_ms, 0.9), percentile(r.ms, 0.5),
                percentile(r.ms, 0.9), percentile(r.ms, 1.0));
}

void describe(const testgen::GenParams& p) {
    std::printf("    module %.1f px, angle %.0f, persp %.2f, contrast %.0f (paper %.0f), light %.2f, blur "
                "%.2f, noise "
                "%.1f, jpeg %d, offset (%.0f, %.0f), %zu chars\n",
                p.module_px, p.angle_deg, p.perspective, p.contrast, p.paper, p.light_slope, p.blur_sigma,
                p.noise_sigma, p.jpeg_quality, p.center_dx, p.center_dy, p.payload.size());
}

} // namespace

int main(int argc, char** argv) {
    int count = 240;
    std::uint64_t seed = 20251008;
    std::string save_dir;
    bool show_failures = false;
    bool hard = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            count = std::clamp(std::atoi(argv[++i]), 1, 5000);
        else if (a == "--seed" && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--save-examples" && i + 1 < argc)
            save_dir = argv[++i];
        else if (a == "--failures")
            show_failures = true;
        else if (a == "--hard")
            hard = true;
        else {
            std::fprintf(stderr,
                         "usage: %s [--frames N] [--seed S] [--save-examples DIR] [--failures] [--hard]\n",
                         argv[0]);
            return 2;
        }
    }

    const auto g0 = Clock::now();
    std::vector<testgen::GeneratedFrame> frames;
    frames.reserve(count);
    for (int i = 0; i < count; ++i)
        frames.push_back(testgen::generate(seed, i, hard));
    std::printf("generated %d %s frames 1280x720 (seed %llu) in %.1f s\n", count, hard ? "hard" : "standard",
                static_cast<unsigned long long>(seed),
                std::chrono::duration<double>(Clock::now() - g0).count());

    if (!save_dir.empty()) {
        // For the record: 320x240 windows around 5 codes small enough to fit one (whole noisy frames are
        // ~400 KB of PNG each). A window cuts off the frame's context, so treat them as illustrations.
        int saved = 0;
        for (int i = 0; i < count && saved < 5; ++i) {
            const auto& p = frames[i].params;
            if (p.module_px > 5.0 || p.payload.size() > 30) continue;
            const auto& f = frames[i].image;
            const int cw = 320, ch = 240;
            const int x0 = std::clamp(static_cast<int>(640 + p.center_dx) - cw / 2, 0, f.width - cw);
            const int y0 = std::clamp(static_cast<int>(360 + p.center_dy) - ch / 2, 0, f.height - ch);
            std::vector<std::uint8_t> crop(static_cast<size_t>(cw) * ch);
            for (int y = 0; y < ch; ++y)
                for (int x = 0; x < cw; ++x)
                    crop[static_cast<size_t>(y) * cw + x] = f.at(x0 + x, y0 + y);
            const std::string path = save_dir + "/example_" + std::to_string(i) + ".png";
            stbi_write_png(path.c_str(), cw, ch, 1, crop.data(), cw);
            std::printf("saved %s (frame %d, 320x240 window at %d,%d): %s\n", path.c_str(), i, x0, y0,
                        p.payload.c_str());
            ++saved;
        }
    }

    auto ours_or = scanner::ZxingDecoder::create({});
    if (!ours_or) {
        std::fprintf(stderr, "decoder: %s\n", ours_or.error().message.c_str());
        return 1;
    }
    auto& ours = *ours_or.value();
    std::map<std::string, int> steps;
    Row r_ours = run("ours (ZxingDecoder ladder)", frames, [&](const scanner::GrayImage& img) {
        auto out = ours.decode(scanner::make_gray_frame(img));
        if (!out || !out->code) return std::string();
        ++steps[out->code->step];
        return out->code->text;
    });

    Row r_raw = run("raw ZXing 1.4 try-harder", frames, [](const scanner::GrayImage& img) {
        const ZXing::ImageView view(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum);
        const auto r = ZXing::ReadBarcode(view, ZXing::DecodeHints().setTryHarder(true));
        return r.isValid() ? r.text() : std::string();
    });
    Row r_raw_qr = run("raw ZXing 1.4 try-harder QR only", frames, [](const scanner::GrayImage& img) {
        const ZXing::ImageView view(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum);
        const auto r = ZXing::ReadBarcode(
            view, ZXing::DecodeHints().setTryHarder(true).setFormats(ZXing::BarcodeFormat::QRCode));
        return r.isValid() ? r.text() : std::string();
    });

    std::vector<Row> rows = {r_ours, r_raw, r_raw_qr};
#ifdef KIOSK_HAVE_ZBAR
    zbar::zbar_image_scanner_t* zs = zbar::zbar_image_scanner_create();
    zbar::zbar_image_scanner_set_config(zs, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(zs, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    rows.push_back(run("ZBar (QR enabled)", frames, [&](const scanner::GrayImage& img) {
        zbar::zbar_image_t* zi = zbar::zbar_image_create();
        zbar::zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
        zbar::zbar_image_set_size(zi, static_cast<unsigned>(img.width), static_cast<unsigned>(img.height));
        zbar::zbar_image_set_data(zi, img.pixels.data(), img.pixels.size(), nullptr);
        std::string text;
        if (zbar::zbar_scan_image(zs, zi) > 0) {
            const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(zi);
            if (sym) text = zbar::zbar_symbol_get_data(sym);
        }
        zbar::zbar_image_destroy(zi);
        return text;
    }));
    zbar::zbar_image_scanner_destroy(zs);
#else
    std::printf("ZBar: not built (zbar.h / libzbar not found at configure time)\n");
#endif

    std::printf("\n%-34s %9s %7s\n", "decoder", "read", "rate");
    for (const auto& r : rows)
        print_row(r);
    std::printf("\nour ladder, reads per step:");
    for (const auto& [name, n] : steps)
        std::printf("  %s=%d", name.c_str(), n);
    std::printf("\n");
    if (show_failures) {
        for (const auto& r : rows) {
            std::printf("\n%s failed on %zu frames:\n", r.name.c_str(), r.failed.size());
            for (int i : r.failed) {
                std::printf("  #%d\n", i);
                describe(frames[i].params);
            }
        }
    }
    return 0;
}
