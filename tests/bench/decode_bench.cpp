// Decode benchmark (issue 14): our decoder ladder vs raw ZXing-cpp 1.4 (try-harder) vs ZBar, side by side
// on the same generated camera-like 1280x720 frames, per condition and overall.
//
// Three disjoint seeds (printed on every run):
//   tuning     - the frames the ladder's rungs and order were chosen on
//   validation - checked after each tuning change, to catch over-fitting to the tuning frames
//   heldout    - the figure we report; never looked at while tuning (the default set)
// Every frame: the receipt anywhere in the frame, 3-7 px modules, up to 35 degrees, perspective, blur,
// noise, contrast >= 35 %, JPEG; one condition per frame is pushed to its limit (frames/frame_gen.hpp).
//
//   taskset -c 1 ./decode_bench [--set heldout|validation|tuning] [--per-condition N] [--failures]
//                               [--save-frames DIR [--save-per-condition K]] [--rungs] [--condition NAME]
// --rungs first runs every rung of the ladder alone (reads and cost per rung: how the ladder was ordered).
// Times are this thread's CPU time per frame (what one core spends) and wall time. The decoder has no
// time budget, so the answers do not depend on load: compare the "answers digest" line of two runs.
// Not a CTest test; figures depend on the machine. Build Release for meaningful times.

#include "drivers/scanner/zbar_decoder.hpp"
#include "drivers/scanner/zxing_decoder.hpp"
#include "tests/bench/frames/frame_gen.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;
using testgen::condition_count;

struct NamedSeed {
    const char* name;
    std::uint64_t seed;
};
constexpr std::array<NamedSeed, 3> kSeeds = {{{"tuning", 14001}, {"validation", 14002}, {"heldout", 14003}}};

struct Row {
    std::string name;
    int read = 0, wrong = 0, total = 0;
    std::array<int, condition_count> read_by{}, total_by{};
    std::vector<double> wall_ms, cpu_ms;
    std::vector<int> failed;
    std::uint64_t digest = 1469598103934665603ull; // FNV-1a over every frame's answer
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

void mix(std::uint64_t& h, const std::string& s) {
    for (unsigned char c : s + '\n')
        h = (h ^ c) * 1099511628211ull;
}

// Runs `decode` (returns the text read, empty for none) over every frame.
Row run(const std::string& name, const std::vector<testgen::ConditionFrame>& frames,
        const std::function<std::string(const scanner::GrayImage&)>& decode) {
    Row row;
    row.name = name;
    for (size_t i = 0; i < frames.size(); ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpu_now_ms();
        const std::string text = decode(frames[i].image);
        row.cpu_ms.push_back(cpu_now_ms() - c0);
        row.wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        mix(row.digest, text);
        const int c = static_cast<int>(frames[i].condition);
        ++row.total;
        ++row.total_by[c];
        if (text == frames[i].params.payload) {
            ++row.read;
            ++row.read_by[c];
        } else {
            if (!text.empty()) ++row.wrong;
            row.failed.push_back(static_cast<int>(i));
        }
    }
    return row;
}

std::string pct(int n, int total) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%3d/%-3d %5.1f%%", n, total, 100.0 * n / std::max(1, total));
    return buf;
}

void describe(const testgen::ConditionFrame& f) {
    const auto& p = f.params;
    std::printf("    [%s] module %.1f px, angle %.0f, persp %.2f, contrast %.0f/%.0f, bg %.0f, blur %.2f, "
                "noise %.1f, "
                "jpeg %d, offset (%.0f, %.0f), glare %.0f, shadow %.2f, warp %.2f, phone %d, %zu chars\n",
                testgen::condition_name(f.condition), p.module_px, p.angle_deg, p.perspective, p.contrast,
                p.paper, p.background, p.blur_sigma, p.noise_sigma, p.jpeg_quality, p.center_dx, p.center_dy,
                p.glare, p.shadow, p.warp, p.phone ? 1 : 0, p.payload.size());
}

} // namespace

int main(int argc, char** argv) {
    std::string set = "heldout", save_dir, only_condition;
    int per_condition = 20, save_per_condition = 2;
    bool show_failures = false, rung_report = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--set" && i + 1 < argc)
            set = argv[++i];
        else if (a == "--per-condition" && i + 1 < argc)
            per_condition = std::clamp(std::atoi(argv[++i]), 1, 500);
        else if (a == "--save-frames" && i + 1 < argc)
            save_dir = argv[++i];
        else if (a == "--save-per-condition" && i + 1 < argc)
            save_per_condition = std::clamp(std::atoi(argv[++i]), 1, 50);
        else if (a == "--condition" && i + 1 < argc)
            only_condition = argv[++i];
        else if (a == "--rungs")
            rung_report = true;
        else if (a == "--failures")
            show_failures = true;
        else {
            std::fprintf(stderr,
                         "usage: %s [--set heldout|validation|tuning] [--per-condition N] [--failures] "
                         "[--save-frames DIR [--save-per-condition K]] [--rungs] [--condition NAME]\n",
                         argv[0]);
            return 2;
        }
    }
    const auto chosen =
        std::find_if(kSeeds.begin(), kSeeds.end(), [&](const NamedSeed& s) { return set == s.name; });
    if (chosen == kSeeds.end()) {
        std::fprintf(stderr, "decode_bench: --set must be heldout, validation or tuning, got \"%s\"\n",
                     set.c_str());
        return 2;
    }
    std::printf("seeds: tuning %llu, validation %llu, heldout %llu; this run: %s\n",
                static_cast<unsigned long long>(kSeeds[0].seed),
                static_cast<unsigned long long>(kSeeds[1].seed),
                static_cast<unsigned long long>(kSeeds[2].seed), chosen->name);

    // Generating is not measured: two threads, each frame depends only on (seed, index).
    const int count = per_condition * condition_count;
    const auto g0 = Clock::now();
    std::vector<testgen::ConditionFrame> frames(static_cast<size_t>(count));
    {
        auto work = [&](int first) {
            for (int i = first; i < count; i += 2)
                frames[static_cast<size_t>(i)] = testgen::generate_condition(chosen->seed, i);
        };
        std::thread other(work, 1);
        work(0);
        other.join();
    }
    if (!only_condition.empty())
        std::erase_if(frames, [&](const testgen::ConditionFrame& f) {
            return only_condition != testgen::condition_name(f.condition);
        });
    std::printf("generated %d frames 1280x720 (%d per condition) in %.1f s\n", count, per_condition,
                std::chrono::duration<double>(Clock::now() - g0).count());

    if (rung_report) {
        // Each rung of the default ladder on its own, over every frame: for ordering the ladder (use on the
        // tuning/validation sets only). Region rungs here see only the region finder's regions.
        std::printf("\n%-34s %8s %9s %9s %9s\n", "rung alone", "reads", "cpu mean", "cpu p99", "cpu max");
        for (const auto& step : scanner::default_ladder()) {
            scanner::DecoderOptions o;
            o.ladder = {step};
            auto d = scanner::ZxingDecoder::create(o);
            if (!d) return 1;
            auto& dec = *d.value();
            Row r = run(step.name, frames, [&](const scanner::GrayImage& img) {
                auto out = dec.decode(scanner::make_gray_frame(img));
                return out && out->code ? out->code->text : std::string();
            });
            double sum = 0;
            for (double v : r.cpu_ms)
                sum += v;
            std::printf("%-34s %8s %9.2f %9.2f %9.2f\n", step.name.c_str(), pct(r.read, r.total).c_str(),
                        sum / std::max<size_t>(1, r.cpu_ms.size()), percentile(r.cpu_ms, 0.99),
                        percentile(r.cpu_ms, 1.0));
        }
    }

    auto ours_or = scanner::ZxingDecoder::create({});
    if (!ours_or) {
        std::fprintf(stderr, "decoder: %s\n", ours_or.error().message.c_str());
        return 1;
    }
    auto& ours = *ours_or.value();
    std::map<std::string, int> steps;
    int seen_unread = 0;
    Row r_ours = run("ours (ladder)", frames, [&](const scanner::GrayImage& img) {
        auto out = ours.decode(scanner::make_gray_frame(img));
        if (!out) return std::string();
        if (!out->code) {
            seen_unread += out->code_seen ? 1 : 0;
            return std::string();
        }
        ++steps[out->code->step];
        return out->code->text;
    });
    Row r_raw = run("raw ZXing 1.4 try-harder", frames, [](const scanner::GrayImage& img) {
        const ZXing::ImageView view(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum);
        const auto r = ZXing::ReadBarcode(view, ZXing::DecodeHints().setTryHarder(true));
        return r.isValid() ? r.text() : std::string();
    });
    scanner::ZbarDecoder zbar("QRCode");
    Row r_zbar = run("ZBar (QR)", frames, [&](const scanner::GrayImage& img) {
        auto code = zbar.read_gray(img);
        return code ? code->text : std::string();
    });
    const std::vector<Row> rows = {r_ours, r_raw, r_zbar};

    if (!save_dir.empty()) {
        // Per condition, frames that raw ZXing misses and ours reads come first (they show what the ladder
        // adds), then the rest in order; plus the first frame ours cannot read (the "hold still" case).
        // JPEG quality 90: a camera's MJPEG frame, and small enough to check in (PNG of noise is ~700 KB).
        std::vector<bool> ours_read(frames.size(), true), raw_read(frames.size(), true);
        for (int i : r_ours.failed)
            ours_read[static_cast<size_t>(i)] = false;
        for (int i : r_raw.failed)
            raw_read[static_cast<size_t>(i)] = false;
        std::vector<int> order;
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < static_cast<int>(frames.size()); ++i) {
                const bool shows_ladder =
                    ours_read[static_cast<size_t>(i)] && !raw_read[static_cast<size_t>(i)];
                if ((pass == 0) == shows_ladder && ours_read[static_cast<size_t>(i)]) order.push_back(i);
            }
        const int first_unread = r_ours.failed.empty() ? -1 : r_ours.failed.front();
        if (first_unread >= 0) order.push_back(first_unread);
        std::array<int, condition_count> saved{};
        std::FILE* manifest = std::fopen((save_dir + "/frames.tsv").c_str(), "w");
        if (manifest)
            std::fprintf(manifest,
                         "# decode_bench --set %s --per-condition %d --save-frames DIR: file, condition, "
                         "payload, whether our ladder read the generated frame\n",
                         chosen->name, per_condition);
        for (int i : order) {
            const auto& f = frames[static_cast<size_t>(i)];
            const int c = static_cast<int>(f.condition);
            const bool unread = !ours_read[static_cast<size_t>(i)];
            if (!unread && saved[c] >= save_per_condition) continue;
            if (!unread) ++saved[c];
            const std::string file = std::string(unread ? "unread_" : "") +
                                     testgen::condition_name(f.condition) + "_" + std::to_string(i) + ".jpg";
            stbi_write_jpg((save_dir + "/" + file).c_str(), f.image.width, f.image.height, 1,
                           f.image.pixels.data(), 90);
            if (manifest)
                std::fprintf(manifest, "%s\t%s\t%s\t%s\n", file.c_str(), testgen::condition_name(f.condition),
                             f.params.payload.c_str(), unread ? "unread" : "read");
            std::printf("saved %s/%s%s\n", save_dir.c_str(), file.c_str(),
                        !unread && !raw_read[static_cast<size_t>(i)] ? " (raw ZXing misses it)" : "");
        }
        if (manifest) std::fclose(manifest);
    }

    std::printf("\n%-14s", "condition");
    for (const auto& r : rows)
        std::printf(" | %-26s", r.name.c_str());
    std::printf("\n");
    for (int c = 0; c < condition_count; ++c) {
        std::printf("%-14s", testgen::condition_name(static_cast<testgen::Condition>(c)));
        for (const auto& r : rows)
            std::printf(" | %-26s", pct(r.read_by[c], r.total_by[c]).c_str());
        std::printf("\n");
    }
    std::printf("%-14s", "OVERALL");
    for (const auto& r : rows)
        std::printf(" | %-26s", pct(r.read, r.total).c_str());
    std::printf("\n\nper frame (ms)     cpu median   p90    p99    max | wall median  p99 | wrong reads\n");
    for (const auto& r : rows)
        std::printf("%-26s %6.2f %6.2f %6.2f %6.2f | %6.2f %6.2f | %d\n", r.name.c_str(),
                    percentile(r.cpu_ms, 0.5), percentile(r.cpu_ms, 0.9), percentile(r.cpu_ms, 0.99),
                    percentile(r.cpu_ms, 1.0), percentile(r.wall_ms, 0.5), percentile(r.wall_ms, 0.99),
                    r.wrong);
    std::printf("\nours: code seen but not read on %d of %zu unread frames\n", seen_unread,
                r_ours.failed.size());
    std::printf("ours, reads per step:");
    for (const auto& [name, n] : steps)
        std::printf("  %s=%d", name.c_str(), n);
    std::printf("\nanswers digest (identical runs print the same): ours %016llx raw %016llx zbar %016llx\n",
                static_cast<unsigned long long>(r_ours.digest), static_cast<unsigned long long>(r_raw.digest),
                static_cast<unsigned long long>(r_zbar.digest));
    if (show_failures) {
        std::printf("\nours failed on:\n");
        for (int i : r_ours.failed) {
            std::printf("  #%d\n", i);
            describe(frames[static_cast<size_t>(i)]);
        }
    }
    return 0;
}
