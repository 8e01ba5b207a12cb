#include "kiosk/features/setup/setup_report.hpp"

#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/service.hpp"

namespace kiosk::features::setup_report {

Result<report::StatsQuery> last_days(std::chrono::system_clock::time_point now, const std::string& day_reset,
                                     int days) {
    auto reset = queue::parse_local_minute(day_reset);
    if (!reset) return make_error(reset.error().kind, "queue.day_reset: " + reset.error().message);
    const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    report::StatsQuery q;
    q.to = queue::office_day(at, *reset);
    q.from = queue::office_day(at - std::chrono::hours(24) * (days - 1), *reset);
    return q;
}

Result<std::vector<report::OfficeReport>> read_reports(const runtime::PartsFactory& parts,
                                                       const std::vector<report::StatsQuery>& queries) {
    auto stores = parts.open_rating_stats();
    if (!stores) return stores.error();
    std::vector<report::OfficeReport> out;
    for (const auto& q : queries) {
        auto r = stores->stats->office_report(q);
        if (!r) return r.error();
        out.push_back(std::move(r).value());
    }
    return out;
}

} // namespace kiosk::features::setup_report
