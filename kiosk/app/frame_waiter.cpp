#include "kiosk/app/frame_waiter.hpp"

#include <algorithm>

namespace kiosk::app {

FrameWaiter::FrameWaiter(const char* driver) {
    const std::string_view name = driver ? driver : "";
    native_ = name == "x11" || name == "wayland" || name == "windows" || name == "cocoa";
    // Headless drivers have no input; they are pumped only for SIGTERM/SIGINT (SDL_QUIT).
    if (name == "offscreen" || name == "dummy") pump_interval_ = std::chrono::milliseconds{250};
}

void FrameWaiter::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    woken_cv_.notify_one();
}

bool FrameWaiter::wait(SDL_Event& event, int timeout_ms) {
    if (native_) return SDL_WaitEventTimeout(&event, timeout_ms) == 1;
    using Steady = std::chrono::steady_clock;
    const auto deadline = Steady::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
    for (;;) {
        bool was_woken = false;
        {
            std::lock_guard lock(mutex_);
            std::swap(was_woken, woken_);
        }
        if (SDL_PollEvent(&event)) return true;
        if (was_woken) return false; // a wake-up without an SDL event still ends the wait
        const auto now = Steady::now();
        if (now >= deadline) return false;
        std::unique_lock lock(mutex_);
        woken_cv_.wait_until(lock, std::min(deadline, now + pump_interval_), [this] { return woken_; });
    }
}

} // namespace kiosk::app
