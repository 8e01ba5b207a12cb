#pragma once
// Publishes the kiosk's health for maintainers: the UI thread hands over a fresh snapshot after each loop
// iteration that changed something; the status server (its own threads) reads a copy under a mutex, with the
// time fields filled in at read time. It gathers nothing itself and never blocks the UI thread for long.

#include "kiosk/core/health/health.hpp"
#include "kiosk/net/status_server.hpp"

#include <chrono>
#include <memory>
#include <mutex>

namespace kiosk::app {

class HealthReporter {
  public:
    HealthReporter();
    ~HealthReporter();

    // Starts /healthz, /status and /metrics; a bind error is returned (the kiosk runs on).
    [[nodiscard]] Status start_server(const net::StatusServerOptions& options);
    void publish(health::HealthSnapshot snapshot);
    [[nodiscard]] health::HealthSnapshot current() const;
    [[nodiscard]] int port() const { return server_ ? server_->port() : 0; }

  private:
    mutable std::mutex mutex_;
    health::HealthSnapshot snapshot_;
    std::int64_t started_at_ = 0;
    std::chrono::steady_clock::time_point started_{};
    std::unique_ptr<net::StatusServer> server_;
};

} // namespace kiosk::app
