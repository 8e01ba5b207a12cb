// Printing benchmark: ticket render time (80/58 mm), ESC/POS encode time, and tap-to-job-submitted latency
// (render + encode + CUPS printer check + Print-Job) against a private cupsd started here, the same way the
// integration tests start it, with a loopback printer that records the jobs.
// Usage: print_bench [--jobs N] [--no-cups] [Google Benchmark flags]. Target: p99 submit ≤ 150 ms.
#include "drivers/printer/cups_sink.hpp"
#include "drivers/printer/escpos.hpp"
#include "drivers/printer/ticket_renderer.hpp"
#include "tests/integration/printer/cups_harness.hpp"
#include "tests/unit/printer/sample_tickets.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

using namespace kiosk::printer;

const FontSet& fonts() {
    static const FontSet f = [] {
        auto r = FontSet::load_from_assets(testing::assets_dir());
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().message.c_str());
            std::exit(1);
        }
        return std::move(r.value());
    }();
    return f;
}

void BM_Render(benchmark::State& state) {
    const PaperWidth paper = state.range(0) == 80 ? PaperWidth::mm80 : PaperWidth::mm58;
    const auto layout = paper == PaperWidth::mm80 ? testing::sample_ticket_80() : testing::sample_ticket_58();
    for (auto _ : state) {
        auto r = render_ticket(layout, paper, fonts());
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_Render)->Arg(80)->Arg(58)->Unit(benchmark::kMillisecond);

void BM_LoadFonts(benchmark::State& state) {
    for (auto _ : state) {
        auto f = FontSet::load_from_assets(testing::assets_dir());
        benchmark::DoNotOptimize(f);
    }
}
BENCHMARK(BM_LoadFonts)->Unit(benchmark::kMillisecond);

void BM_Encode(benchmark::State& state) {
    auto raster = render_ticket(testing::sample_ticket_80(), PaperWidth::mm80, fonts());
    for (auto _ : state) {
        auto bytes = encode_escpos(raster.value());
        benchmark::DoNotOptimize(bytes);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(raster->bytes().size()));
}
BENCHMARK(BM_Encode)->Unit(benchmark::kMicrosecond);

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

int cups_latency(int jobs) {
    auto cupsd = testing::PrivateCupsd::start();
    if (!cupsd) {
        std::fprintf(stderr, "FAIL: private cupsd did not start: %s\n", cupsd.error().message.c_str());
        return 1;
    }
    testing::LoopbackPrinter printer;
    if (auto s = cupsd.value()->add_raw_queue("bench80", printer.uri()); !s) {
        std::fprintf(stderr, "FAIL: lpadmin: %s\n", s.error().message.c_str());
        return 1;
    }
    CupsSinkOptions o;
    o.server = cupsd.value()->server();
    o.destination = "bench80";
    CupsSink sink(o);
    auto layout = testing::sample_ticket_80();
    std::vector<double> submit_ms, done_ms;
    int failures = 0;
    for (int i = 0; i < jobs; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "A%03d", i % 1000);
        layout.number_text = number;
        layout.qr_payload = std::string("MC-20261127-") + number;
        const auto t0 = std::chrono::steady_clock::now();
        auto raster = render_ticket(layout, PaperWidth::mm80, fonts());
        int id = 0;
        const PrintOutcome sub = sink.submit({raster.value(), number}, id);
        const auto t1 = std::chrono::steady_clock::now();
        const PrintOutcome done = sub.ok() ? sink.follow(id) : sub;
        const auto t2 = std::chrono::steady_clock::now();
        if (!done.ok() || !printer.wait_job(std::chrono::seconds(5))) {
            ++failures;
            std::fprintf(stderr, "job %d: %s %s\n", i, std::string(fault_code(done.fault)).c_str(),
                         done.detail.c_str());
            continue;
        }
        submit_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        done_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
    }
    if (submit_ms.empty()) return 1;
    std::printf(
        "\ntap-to-job-submitted (render + encode + printer check + Print-Job), %zu jobs, %d failed:\n",
        submit_ms.size(), failures);
    std::printf("  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms   (target p99 <= 150 ms)\n",
                percentile(submit_ms, 0.5), percentile(submit_ms, 0.9), percentile(submit_ms, 0.99),
                percentile(submit_ms, 1.0));
    std::printf("tap-to-job-completed (+ follow until CUPS reports completed, loopback printer):\n");
    std::printf("  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n", percentile(done_ms, 0.5),
                percentile(done_ms, 0.9), percentile(done_ms, 0.99), percentile(done_ms, 1.0));
    return failures == 0 && percentile(submit_ms, 0.99) <= 150.0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    int jobs = 200;
    bool cups = true;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc)
            jobs = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--no-cups") == 0)
            cups = false;
        else
            rest.push_back(argv[i]);
    }
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return cups ? cups_latency(jobs) : 0;
}
