#pragma once
// Wait estimate for a waiting ticket: median service time of the day's served tickets × tickets ahead / open
// counters. Gives nothing until enough tickets were served today, because a guess from one or two citizens
// misleads more than it helps. It does not track which counters are actually staffed.

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

// Reads the store: tickets ahead of `ticket` and the estimate (open counters = service.counters, at least 1).
[[nodiscard]] Result<QueuePosition> queue_position(TicketStore& store, const Ticket& ticket,
                                                   const Service& service,
                                                   const WaitEstimateOptions& options = {});

} // namespace kiosk::queue
