#include "kiosk/app/service_notifier.hpp"

namespace kiosk::app {

WatchdogPinger::WatchdogPinger(ServiceNotifier& notifier)
    : notifier_(notifier), interval_(notifier.watchdog_timeout() / 2) {}

void WatchdogPinger::first_frame_presented() {
    if (ready_sent_) return;
    ready_sent_ = true;
    notifier_.notify("READY=1\nSTATUS=showing the home screen");
}

void WatchdogPinger::loop_turned(TimePoint now) {
    if (interval_.count() <= 0 || !ready_sent_) return; // start-up is bounded by TimeoutStartSec instead
    if (last_ping_ != TimePoint{} && now - last_ping_ < interval_) return;
    last_ping_ = now;
    notifier_.notify("WATCHDOG=1");
}

WatchdogPinger::TimePoint WatchdogPinger::next_due() const {
    if (interval_.count() <= 0 || !ready_sent_) return TimePoint::max();
    if (last_ping_ == TimePoint{}) return std::chrono::steady_clock::now();
    return last_ping_ + interval_;
}

void WatchdogPinger::stopping() {
    notifier_.notify("STOPPING=1");
}

} // namespace kiosk::app
