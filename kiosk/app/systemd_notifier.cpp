// ServiceNotifier over libsystemd's sd_notify(3); see service_notifier.hpp.
#include "kiosk/app/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace kiosk::app {
namespace {

// Under cage the service's main process is cage, which passes its environment on: $WATCHDOG_PID then names
// our parent. The unit's NotifyAccess=all lets the kiosk's own pings count for the service.
bool launched_by_main_process() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    const char* pid = std::getenv("WATCHDOG_PID");
    if (!usec || !pid || std::strtoull(usec, nullptr, 10) == 0) return false;
    return std::strtoll(pid, nullptr, 10) == static_cast<long long>(getppid());
}

class SystemdNotifier final : public ServiceNotifier {
  public:
    SystemdNotifier() {
        std::uint64_t usec = 0;
        // > 0 only when $WATCHDOG_USEC is set (and $WATCHDOG_PID, if set, is this process).
        if (sd_watchdog_enabled(0, &usec) > 0) {
            timeout_ = std::chrono::microseconds(usec);
        } else if (launched_by_main_process()) {
            timeout_ = std::chrono::microseconds(std::strtoull(std::getenv("WATCHDOG_USEC"), nullptr, 10));
        }
    }
    void notify(std::string_view state) override {
        const std::string line(state);
        (void)sd_notify(0, line.c_str()); // a missing service manager is not an error for the kiosk
    }
    [[nodiscard]] std::chrono::microseconds watchdog_timeout() const override { return timeout_; }

  private:
    std::chrono::microseconds timeout_{0};
};

} // namespace

std::unique_ptr<ServiceNotifier> make_systemd_notifier() {
    return std::make_unique<SystemdNotifier>();
}

} // namespace kiosk::app
