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

Status HealthReporter::start_server(const net::StatusServerOptions& options,
                                    const std::function<void(const std::string&)>& log,
                                    net::StatusServer::ScreenshotFn screenshot) {
    listen_ = options.listen;
    auto server = net::StatusServer::start(
        options, [this] { return current(); }, screenshot);
    if (!server && server.error().kind == "policy") {
        log(server.error().message + "; serving on 127.0.0.1 only");
        {
            std::lock_guard lock(mutex_);
            server_problems_.push_back({"status.insecure_listen", server.error().message});
        }
        auto local = options;
        local.listen = "127.0.0.1";
        listen_ = local.listen;
        server = net::StatusServer::start(
            local, [this] { return current(); }, std::move(screenshot));
    }
    if (!server) return server.error();
    server_ = std::move(server.value());
    return Ok{};
}

void HealthReporter::set_problem(const std::string& code, const std::string& detail) {
    std::lock_guard lock(mutex_);
    for (auto& p : server_problems_) {
        if (p.code == code) {
            p.detail = detail;
            return;
        }
    }
    server_problems_.push_back({code, detail});
}

void HealthReporter::clear_problem(const std::string& code) {
    std::lock_guard lock(mutex_);
    std::erase_if(server_problems_, [&](const health::Problem& p) { return p.code == code; });
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
        copy.problems.insert(copy.problems.end(), server_problems_.begin(), server_problems_.end());
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
