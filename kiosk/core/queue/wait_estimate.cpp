#include "kiosk/core/queue/wait_estimate.hpp"

#include <algorithm>

namespace kiosk::queue {

using std::chrono::milliseconds;

std::optional<milliseconds> median(std::vector<milliseconds> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::optional<std::chrono::minutes> estimate_wait(const std::vector<milliseconds>& served, int ahead,
                                                  int open_counters, const WaitEstimateOptions& options) {
    if (open_counters <= 0 || ahead < 0) return std::nullopt;
    if (int(served.size()) < std::max(1, options.min_samples)) return std::nullopt;
    const auto med = *median(served);
    const auto total = med * ahead / open_counters;
    // Round up to whole minutes: "about 0 minutes" is never shown while someone is ahead.
    return std::chrono::ceil<std::chrono::minutes>(total);
}

int serving_counters(const Service& service, const std::vector<int>& open) {
    if (open.empty()) return std::max<int>(1, int(service.counters.size()));
    int n = 0;
    for (int c : service.counters)
        n += std::find(open.begin(), open.end(), c) != open.end();
    return n;
}

Result<QueuePosition> queue_position(TicketStore& store, const Ticket& ticket, const Service& service,
                                     const WaitEstimateOptions& options, std::optional<TimePoint> now) {
    auto ahead = store.ahead_of(ticket);
    if (!ahead) return ahead.error();
    auto times = store.service_times(ticket.service, ticket.day);
    if (!times) return times.error();
    std::vector<int> open;
    if (now) {
        auto known = store.open_counters(*now - std::chrono::hours{12});
        if (!known) return known.error();
        open = std::move(known).value();
    }
    const int counters = serving_counters(service, open);
    return QueuePosition{*ahead, estimate_wait(*times, *ahead, counters, options)};
}

} // namespace kiosk::queue
