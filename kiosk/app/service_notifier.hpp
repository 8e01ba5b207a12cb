#pragma once
// Telling the service manager how the kiosk is doing (systemd Type=notify): READY=1 once the first frame is
// on screen, WATCHDOG=1 from the frame loop while it keeps turning, STOPPING=1 on the way out. A frozen UI
// thread stops the pings, so systemd (WatchdogSec=) kills and restarts the kiosk. ServiceNotifier is the
// small seam: the real one speaks sd_notify(3) (systemd_notifier.cpp), tests use a recording double.
// WatchdogPinger holds the pacing and is driven by the frame loop only: no thread of its own, on purpose.

#include <chrono>
#include <memory>
#include <string_view>

namespace kiosk::app {

class ServiceNotifier {
  public:
    virtual ~ServiceNotifier() = default;
    // Sends one state line ("READY=1", "WATCHDOG=1", "STATUS=...", "STOPPING=1"); never blocks for long and
    // never throws. Without a service manager (no $NOTIFY_SOCKET) it does nothing.
    virtual void notify(std::string_view state) = 0;
    // The watchdog timeout systemd expects pings within; zero when no watchdog is armed.
    [[nodiscard]] virtual std::chrono::microseconds watchdog_timeout() const = 0;
};

// sd_notify(3) with the environment of this process ($NOTIFY_SOCKET, $WATCHDOG_USEC, $WATCHDOG_PID).
[[nodiscard]] std::unique_ptr<ServiceNotifier> make_systemd_notifier();

class WatchdogPinger {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;
    explicit WatchdogPinger(ServiceNotifier& notifier);

    // The first call sends READY=1 (later calls do nothing).
    void first_frame_presented();
    // One turn of the frame loop: sends WATCHDOG=1 when half the timeout has passed since the last ping
    // (only after READY=1).
    void loop_turned(TimePoint now);
    // When the loop must turn next at the latest (it waits for events until then); max() = no watchdog.
    [[nodiscard]] TimePoint next_due() const;
    void stopping();
    [[nodiscard]] bool ready_sent() const { return ready_sent_; }

  private:
    ServiceNotifier& notifier_;
    std::chrono::microseconds interval_{0}; // half the watchdog timeout; 0 = no watchdog
    TimePoint last_ping_{};
    bool ready_sent_ = false;
};

} // namespace kiosk::app
