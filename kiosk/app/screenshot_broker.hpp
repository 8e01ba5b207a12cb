#pragma once
// ScreenshotBroker: hands the current frame to the status server's /screenshot.png without the server
// touching OpenGL. The server thread asks (request: wakes the frame loop, waits at most `timeout`); the UI
// thread sees pending(), decides whether the screen may be shown (no citizen data: the home screen or staff
// set-up) and answers with the PNG of a freshly drawn frame or with "citizen data". One request at a time;
// concurrent requests wait their turn within their own timeout.

#include "kiosk/net/status_server.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>

namespace kiosk::app {

class ScreenshotBroker {
  public:
    void set_waker(std::function<void()> wake);
    // Server thread. Kind::unavailable when the UI thread did not answer in time.
    [[nodiscard]] net::ScreenshotReply request(std::chrono::milliseconds timeout);
    // UI thread.
    [[nodiscard]] bool pending() const { return pending_.load(); }
    void fulfil(net::ScreenshotReply reply);

  private:
    std::function<void()> wake_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::atomic<bool> pending_{false};
    bool busy_ = false; // a request is being served
    bool answered_ = false;
    net::ScreenshotReply reply_;
};

// Screens that never show a citizen's data: the home screen and the staff set-up screens.
[[nodiscard]] bool screen_may_be_shared(std::string_view screen_id);

} // namespace kiosk::app
