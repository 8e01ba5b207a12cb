#pragma once
// The office report as set-up shows and exports it: the periods it covers (today, the last 7 and 30 office
// days, from the clock and queue.day_reset) and the statistics read through the rating/statistics store
// (PartsFactory::open_rating_stats). Blocking store work: call it on a worker only. It draws nothing itself
// (kiosk/report/report_charts.hpp renders the charts).

#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/runtime/parts_factory.hpp"

#include <chrono>

namespace kiosk::features::setup_report {

// The office days [today − (days − 1), today] at `now`, with the day boundary `day_reset` ("HH:MM").
[[nodiscard]] Result<report::StatsQuery> last_days(std::chrono::system_clock::time_point now,
                                                   const std::string& day_reset, int days);

// One report per query, from one opening of the statistics store.
[[nodiscard]] Result<std::vector<report::OfficeReport>>
read_reports(const runtime::PartsFactory& parts, const std::vector<report::StatsQuery>& queries);

} // namespace kiosk::features::setup_report
