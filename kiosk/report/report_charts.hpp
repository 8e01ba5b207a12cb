#pragma once
// Draws an OfficeReport as one page of charts for ward leaders, with cairo (shapes, PNG and PDF surfaces) and
// pango (Vietnamese text shaping, font "Noto Sans" through fontconfig): totals, tickets per hour of day,
// waiting time per service (median and 90th percentile), ratings per service and per counter. Labels come
// translated through the Translator. It does not query stores (kioskctl report and the set-up Health screen
// do) or compute statistics. Used off the UI thread only (cairo/pango drawing takes tens of milliseconds).

#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::report {

// Writes the page as PNG (1400×2000 px) and/or PDF (same layout, A4-like points); an empty path skips it.
[[nodiscard]] Status draw_report(const report::OfficeReport& report, const i18n::Translator& translator,
                                 i18n::Lang lang, const std::filesystem::path& png,
                                 const std::filesystem::path& pdf);

// The same page in memory, scaled to `width` px wide (height keeps the page's proportions), as 8-bit RGBA
// rows top to bottom: for a texture on the set-up Health screen.
struct ReportImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};
[[nodiscard]] Result<ReportImage> render_report_image(const report::OfficeReport& report,
                                                      const i18n::Translator& translator, i18n::Lang lang,
                                                      int width);

} // namespace kiosk::report
