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

Result<QueuePosition> queue_position(TicketStore& store, const Ticket& ticket, const Service& service,
                                     const WaitEstimateOptions& options) {
    auto ahead = store.ahead_of(ticket);
    if (!ahead) return ahead.error();
    auto times = store.service_times(ticket.service, ticket.day);
    if (!times) return times.error();
    const int counters = std::max<int>(1, int(service.counters.size()));
    return QueuePosition{*ahead, estimate_wait(*times, *ahead, counters, options)};
}

} // namespace kiosk::queue
