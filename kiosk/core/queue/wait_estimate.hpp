#pragma once
// Wait estimate for a waiting ticket: median service time of the day's served tickets × tickets ahead / open
// counters. Gives nothing until enough tickets were served today, because a guess from one or two citizens
// misleads more than it helps. Open counters come from the counter desks (paused ones do not count).

#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <chrono>
#include <optional>
#include <vector>

namespace kiosk::queue {

struct WaitEstimateOptions {
    int min_samples = 5; // served tickets today before any estimate is shown
};

[[nodiscard]] std::optional<std::chrono::milliseconds> median(std::vector<std::chrono::milliseconds> values);

// Pure: nullopt when fewer than min_samples durations or no counters.
[[nodiscard]] std::optional<std::chrono::minutes>
estimate_wait(const std::vector<std::chrono::milliseconds>& served, int ahead, int open_counters,
              const WaitEstimateOptions& options = {});

struct QueuePosition {
    int ahead = 0;
    std::optional<std::chrono::minutes> wait; // none = not enough data today
};

// Of the service's counters, those open now: in `open` (counters not paused that worked recently, from the
// store); when the store knows no open counter at all (no counter console used yet), all configured ones.
[[nodiscard]] int serving_counters(const Service& service, const std::vector<int>& open);

// Reads the store: tickets ahead of `ticket` and the estimate from the day's measured service times and the
// service's open counters (serving_counters; counters active since `now` − 12 h; no `now`: all configured).
[[nodiscard]] Result<QueuePosition> queue_position(TicketStore& store, const Ticket& ticket,
                                                   const Service& service,
                                                   const WaitEstimateOptions& options = {},
                                                   std::optional<TimePoint> now = std::nullopt);

} // namespace kiosk::queue
