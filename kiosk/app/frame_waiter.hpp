#pragma once
// Puts the idle frame loop to sleep until an SDL event, a worker's wake-up or a deadline, without polling.
// SDL 2.26 sleeps in SDL_WaitEventTimeout only on video drivers that can wait natively (x11, wayland); on
// the others (offscreen, dummy, kmsdrm) it polls every millisecond, ≈1,000 wake-ups a second — about 2 % of
// a core on an idle lobby display. There the waiter sleeps on a condition variable instead, woken by wake()
// (the completion queue's waker), and pumps SDL every pump interval for input and quit signals. It does not
// decide when to wake; the loop passes the timeout.

#include <SDL.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string_view>

namespace kiosk::app {

class FrameWaiter {
  public:
    // driver: SDL_GetCurrentVideoDriver() (null = unknown, treated as not waiting natively).
    explicit FrameWaiter(const char* driver);

    // Any thread: ends a current or the next wait early.
    void wake();
    // UI thread: returns true with the next event, or false after timeout_ms without one (or a wake()).
    [[nodiscard]] bool wait(SDL_Event& event, int timeout_ms);
    [[nodiscard]] bool native() const { return native_; }

  private:
    bool native_ = false;
    std::chrono::milliseconds pump_interval_{10};
    std::mutex mutex_;
    std::condition_variable woken_cv_;
    bool woken_ = false;
};

} // namespace kiosk::app
