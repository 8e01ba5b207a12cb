#include "kiosk/app/health_reporter.hpp"

namespace kiosk::app {

HealthReporter::HealthReporter()
    : started_at_(std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()),
      started_(std::chrono::steady_clock::now()) {}

HealthReporter::~HealthReporter() {
    if (server_) server_->stop();
}

Status HealthReporter::start_server(const net::StatusServerOptions& options) {
    auto server = net::StatusServer::start(options, [this] { return current(); });
    if (!server) return server.error();
    server_ = std::move(server.value());
    return Ok{};
}

void HealthReporter::publish(health::HealthSnapshot snapshot) {
    // Problems a feature reported itself (e.g. an interrupted set-up save) follow the derived ones.
    auto own = std::move(snapshot.problems);
    snapshot.problems = health::derive_problems(snapshot);
    snapshot.problems.insert(snapshot.problems.end(), own.begin(), own.end());
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(snapshot);
}

health::HealthSnapshot HealthReporter::current() const {
    health::HealthSnapshot copy;
    {
        std::lock_guard lock(mutex_);
        copy = snapshot_;
    }
    copy.started_at = started_at_;
    copy.now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    copy.uptime_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
    return copy;
}

} // namespace kiosk::app
