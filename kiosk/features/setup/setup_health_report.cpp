// The set-up Health screen's office report: today's and the last 7 office days' figures and the 7 days'
// chart page. Read through the statistics store and drawn with cairo + pango on the feature's worker; the
// UI thread only copies the result into the model (the app uploads the chart as a texture between frames).
#include "kiosk/features/setup/setup_feature.hpp"
#include "kiosk/features/setup/setup_report.hpp"
#include "kiosk/report/report_charts.hpp"

#include <cstdio>

namespace kiosk::features {
namespace {

// Wide enough to read on the set-up column; the page keeps its proportions (1400 × 2000).
constexpr int kChartWidth = 960;

std::string minutes(const std::optional<double>& seconds) {
    if (!seconds) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *seconds / 60.0);
    return buf;
}

ui::SetupModel::ReportFigures figures(const report::OfficeReport& r) {
    ui::SetupModel::ReportFigures f;
    if (r.rows.empty()) return f;
    const auto& t = r.rows.front();
    f.present = true;
    f.issued = t.issued;
    f.served = t.served;
    f.no_shows = t.no_shows;
    f.wait_p50_min = minutes(t.wait.p50_s);
    f.wait_p90_min = minutes(t.wait.p90_s);
    for (int i = 0; i < 3; ++i)
        f.ratings[i] = t.ratings[static_cast<std::size_t>(i)];
    return f;
}

} // namespace

void SetupFeature::refresh_report() {
    model_.report_loading = true;
    model_.report_error.clear();
    const auto generation = ++report_generation_;
    auto parts = parts_;
    const auto config = config_;
    const auto now = clock_.now();
    const auto lang = config->ui.language == "en" ? i18n::Lang::en : i18n::Lang::vi;
    worker_.submit([this, parts, config, now, lang, generation]() -> tasks::CompletionQueue::Completion {
        auto today = setup_report::last_days(now, config->queue.day_reset, 1);
        auto week = setup_report::last_days(now, config->queue.day_reset, 7);
        Result<std::vector<report::OfficeReport>> reports =
            today && week ? setup_report::read_reports(*parts, {*today, *week})
                          : Result<std::vector<report::OfficeReport>>(today ? week.error() : today.error());
        Result<report::ReportImage> chart =
            reports ? report::render_report_image(reports->at(1), translator_, lang, kChartWidth)
                    : Result<report::ReportImage>(reports.error());
        if (!chart) {
            log_.warning("setup.report_failed", "office report: " + chart.error().message,
                         {{"KIOSK_ERROR_KIND", chart.error().kind}});
            return [this, generation, message = chart.error().message] {
                if (generation != report_generation_) return;
                model_.report_loading = false;
                model_.report_error = message;
            };
        }
        return [this, generation, reports = std::move(reports).value(), chart = std::move(chart).value()] {
            if (generation != report_generation_) return;
            model_.report_loading = false;
            model_.report_today = figures(reports.at(0));
            model_.report_week = figures(reports.at(1));
            model_.report_from = reports.at(1).query.from.iso;
            model_.report_to = reports.at(1).query.to.iso;
            auto& image = model_.report_chart;
            image.width = chart.width;
            image.height = chart.height;
            image.rgba = chart.rgba;
            image.luma.clear();
            ++image.sequence;
        };
    });
}

} // namespace kiosk::features
