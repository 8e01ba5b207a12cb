#pragma once
// Draws an OfficeReport as one page of charts for ward leaders, with cairo (shapes, PNG and PDF surfaces) and
// pango (Vietnamese text shaping, font "Noto Sans" through fontconfig): totals, tickets per hour of day,
// waiting time per service (median and 90th percentile), ratings per service and per counter. Labels come
// translated in ReportLabels. It does not query stores (kioskctl report does) or compute statistics.

#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>

namespace kiosk::cli {

// Writes the page as PNG (1400×2000 px) and/or PDF (same layout, A4-like points); an empty path skips it.
[[nodiscard]] Status draw_report(const report::OfficeReport& report, const i18n::Translator& translator,
                                 i18n::Lang lang, const std::filesystem::path& png,
                                 const std::filesystem::path& pdf);

} // namespace kiosk::cli
