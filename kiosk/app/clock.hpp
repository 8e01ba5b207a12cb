#pragma once
// The kiosk's clock: the system clock, or a frozen start time for reproducible screenshots (it then runs
// normally). Monotonic milliseconds come from SDL's tick counter, the base of input event timestamps.
// Vietnam has one time zone, UTC+7, without daylight saving.

#include "kiosk/core/util/clock.hpp"
#include "kiosk/ui/view_model.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::app {

class KioskClock final : public kiosk::Clock {
  public:
    [[nodiscard]] time_point now() const override {
        if (!start_) return std::chrono::system_clock::now();
        return *start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                             std::chrono::steady_clock::now() - started_at_);
    }
    [[nodiscard]] std::int64_t monotonic_ms() const override;
    // Starts the clock at "YYYY-MM-DD HH:MM" Vietnam time; false if it does not parse.
    [[nodiscard]] bool start_at(const std::string& vietnam_time);

  private:
    std::optional<time_point> start_;
    std::chrono::steady_clock::time_point started_at_;
};

inline constexpr std::chrono::hours vietnam_offset{7};

[[nodiscard]] ui::ClockView clock_view(kiosk::Clock::time_point utc);

} // namespace kiosk::app
