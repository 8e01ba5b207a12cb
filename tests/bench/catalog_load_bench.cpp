// Load + validate the bundled catalog (assets/catalog/procedures.json): JSON parse with the bounded SAX
// builder, text/NFC checks of every string, schema walk. Also the small test fixture, for comparison.
// Run: catalog_load_bench [--benchmark_filter=...]. Index build time belongs to the search benchmark.
#include "kiosk/core/catalog/loader.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

std::string read_or_skip(benchmark::State& state, const std::filesystem::path& path) {
    auto text = kiosk::catalog::read_catalog_text(path);
    if (!text) state.SkipWithError(text.error().message.c_str());
    return text ? *text : std::string();
}

void load(benchmark::State& state, const std::filesystem::path& path) {
    const std::string text = read_or_skip(state, path);
    if (text.empty()) return;
    std::size_t procedures = 0;
    for (auto _ : state) {
        kiosk::catalog::LoadReport report;
        auto catalog = kiosk::catalog::load_catalog(text, report);
        if (!catalog) {
            state.SkipWithError(report.summary(3).c_str());
            return;
        }
        procedures = catalog->procedures.size();
        benchmark::DoNotOptimize(catalog);
    }
    state.counters["bytes"] = static_cast<double>(text.size());
    state.counters["procedures"] = static_cast<double>(procedures);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_LoadBundledCatalog(benchmark::State& state) {
    load(state, std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "catalog" / "procedures.json");
}

void BM_LoadFixtureCatalog(benchmark::State& state) {
    load(state,
         std::filesystem::path(KIOSK_TEST_DATA_DIR) / "unit" / "catalog" / "data" / "small_catalog.json");
}

} // namespace

BENCHMARK(BM_LoadBundledCatalog)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadFixtureCatalog)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
