#include "kiosk/app/screenshot_broker.hpp"

#include "kiosk/ui/commands.hpp"

namespace kiosk::app {

void ScreenshotBroker::set_waker(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

net::ScreenshotReply ScreenshotBroker::request(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(mutex_);
    if (!cv_.wait_until(lock, deadline, [this] { return !busy_; })) return {};
    busy_ = true;
    answered_ = false;
    pending_ = true;
    if (wake_) wake_();
    const bool answered = cv_.wait_until(lock, deadline, [this] { return answered_; });
    net::ScreenshotReply reply = answered ? std::move(reply_) : net::ScreenshotReply{};
    pending_ = false;
    busy_ = false;
    cv_.notify_all();
    return reply;
}

void ScreenshotBroker::fulfil(net::ScreenshotReply reply) {
    std::lock_guard lock(mutex_);
    if (!pending_) return; // the requester gave up
    reply_ = std::move(reply);
    answered_ = true;
    pending_ = false;
    cv_.notify_all();
}

bool screen_may_be_shared(std::string_view screen_id) {
    return screen_id == ui::kHomeScreen || screen_id.rfind("setup", 0) == 0;
}

} // namespace kiosk::app
