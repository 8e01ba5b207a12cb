#pragma once
// The wall clock the kiosk shows and uses for idle timeouts and office days: the system clock, or a frozen
// start time for reproducible screenshots. Vietnam has one time zone, UTC+7, without daylight saving.

#include "kiosk/ui/view_model.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::app {

class Clock {
  public:
    using time_point = std::chrono::system_clock::time_point;
    [[nodiscard]] time_point now() const {
        if (!start_) return std::chrono::system_clock::now();
        return *start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                             std::chrono::steady_clock::now() - started_at_);
    }
    // Starts the clock at "YYYY-MM-DD HH:MM" Vietnam time (it then runs normally); false if it does not
    // parse.
    [[nodiscard]] bool start_at(const std::string& vietnam_time);

  private:
    std::optional<time_point> start_;
    std::chrono::steady_clock::time_point started_at_;
};

inline constexpr std::chrono::hours vietnam_offset{7};

[[nodiscard]] ui::ClockView clock_view(Clock::time_point utc);

} // namespace kiosk::app
