#pragma once
// Publishes the kiosk's health for maintainers: the UI thread hands over a fresh snapshot after each loop
// iteration that changed something; the status server (its own threads) reads a copy under a mutex, with the
// time fields filled in at read time. It gathers nothing itself and never blocks the UI thread for long.

#include "kiosk/core/health/health.hpp"
#include "kiosk/net/status_server.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

namespace kiosk::app {

class HealthReporter {
  public:
    HealthReporter();
    ~HealthReporter();

    // Starts /healthz, /status and /metrics; a bind error is returned (the kiosk runs on). A non-loopback
    // address without a token is refused: the server then listens on 127.0.0.1 only, the refusal is logged
    // through `log` and stays a health problem ("status.insecure_listen").
    [[nodiscard]] Status start_server(const net::StatusServerOptions& options,
                                      const std::function<void(const std::string&)>& log,
                                      net::StatusServer::ScreenshotFn screenshot = {});
    void publish(health::HealthSnapshot snapshot);
    // A problem the app raises itself (e.g. "config.central_rejected"); set again replaces its detail.
    void set_problem(const std::string& code, const std::string& detail);
    void clear_problem(const std::string& code);
    [[nodiscard]] health::HealthSnapshot current() const;
    [[nodiscard]] int port() const { return server_ ? server_->port() : 0; }
    [[nodiscard]] const std::string& listen() const { return listen_; } // the address actually served

  private:
    mutable std::mutex mutex_;
    health::HealthSnapshot snapshot_;
    std::int64_t started_at_ = 0;
    std::chrono::steady_clock::time_point started_{};
    std::vector<health::Problem> server_problems_; // under mutex_
    std::unique_ptr<net::StatusServer> server_;
    std::string listen_;
};

} // namespace kiosk::app
