// Fuzzes the strict catalog loader: any bytes must give a Catalog or a problem list, never a crash, a hang
// or UB. Small limits keep each run fast and make the limit paths reachable.
#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/stats.hpp"
#include "kiosk/core/catalog/text_check.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    kiosk::catalog::LoadLimits limits;
    limits.max_bytes = 1u << 20;
    limits.max_depth = 12;
    limits.max_string_bytes = 4096;
    limits.max_problems = 200;
    kiosk::catalog::LoadReport report;
    auto catalog = kiosk::catalog::load_catalog(text, report, limits);
    // Invariants: success <=> no problems; every problem has a path and a message that are valid UTF-8.
    if (catalog.ok() != report.ok()) std::abort();
    for (const auto& problem : report.problems)
        if (problem.path.empty() || problem.message.empty() || !kiosk::text::is_valid_utf8(problem.path) ||
            !kiosk::text::is_valid_utf8(problem.message))
            std::abort();
    if (catalog.ok()) (void)kiosk::catalog::stats_to_json(kiosk::catalog::compute_stats(*catalog));
    (void)kiosk::catalog::check_text(text);
    (void)kiosk::catalog::quote_excerpt(text, 50);
    return 0;
}
