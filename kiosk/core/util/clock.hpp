#pragma once
// The time source every feature reads: wall time (office days, clock on screen, idle timeout) and a
// monotonic millisecond counter (timing of keystroke bursts). An interface so that tests drive time by hand
// (ManualClock) and the kiosk can start at a frozen time for reproducible screenshots. Implementations must
// be safe to read from any thread.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace kiosk {

class Clock {
  public:
    using time_point = std::chrono::system_clock::time_point;
    virtual ~Clock() = default;
    [[nodiscard]] virtual time_point now() const = 0;
    // Milliseconds on a monotonic clock (same base as input event timestamps).
    [[nodiscard]] virtual std::int64_t monotonic_ms() const = 0;
};

// A clock that moves only when told to. For tests.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(time_point start = time_point{}) : now_(start.time_since_epoch().count()) {}
    [[nodiscard]] time_point now() const override { return time_point{time_point::duration{now_.load()}}; }
    [[nodiscard]] std::int64_t monotonic_ms() const override { return mono_ms_.load(); }
    void advance(std::chrono::milliseconds by) {
        now_ += std::chrono::duration_cast<time_point::duration>(by).count();
        mono_ms_ += by.count();
    }

  private:
    std::atomic<time_point::rep> now_;
    std::atomic<std::int64_t> mono_ms_{0};
};

} // namespace kiosk
