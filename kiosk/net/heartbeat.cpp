#include "kiosk/net/heartbeat.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

namespace kiosk::net {

std::string heartbeat_body(const health::HealthSnapshot& s) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : s.problems)
        problems.push_back(p.code); // codes only: details may name hosts and paths
    const nlohmann::json j = {
        {"kiosk_id", s.kiosk_id},
        {"office_id", s.office_id},
        {"version", s.version},
        {"ok", s.ok()},
        {"problems", std::move(problems)},
        {"printer",
         {{"ok", s.printer.ok()},
          {"fault", s.printer.fault},
          {"failures_today", s.printer.print_failures_today}}},
        {"queue", {{"store_ok", s.queue.store_ok}, {"issued_today", s.queue.issued_today}}},
        {"catalog", {{"generated", s.catalog.generated}, {"age_days", s.catalog.age_days}}},
        {"config_source", s.config.source},
        {"uptime_seconds", s.uptime_seconds},
        {"last_frame_at", s.last_frame_at},
        {"sent_at", s.now},
    };
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Heartbeat::Impl {
    HeartbeatOptions options;
    SnapshotFn snapshot;
    ChangeFn on_change;
    HttpClient http;
    std::string url;
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    HeartbeatStats stats;
    std::mt19937_64 random{std::random_device{}()};
    std::thread thread;

    Impl(HeartbeatOptions o, SnapshotFn fn)
        : options(std::move(o)), snapshot(std::move(fn)), http(options.http),
          url(options.gateway_url + "/v1/kiosks/" + options.kiosk_id + "/heartbeat") {}

    // A delay drawn from [d/2, d]: kiosks that lost the gateway together do not come back in step.
    std::chrono::milliseconds jitter(std::chrono::milliseconds d) {
        std::uniform_int_distribution<long long> pick(d.count() / 2, d.count());
        return std::chrono::milliseconds(pick(random));
    }

    std::chrono::milliseconds delay_after(bool ok, std::int64_t failures) {
        if (ok) { // the interval ± 10 %
            std::uniform_int_distribution<long long> pick(options.interval.count() * 9 / 10,
                                                          options.interval.count() * 11 / 10);
            return std::chrono::milliseconds(pick(random));
        }
        auto d = options.retry_base;
        for (std::int64_t i = 1; i < failures && d < options.max_backoff; ++i)
            d *= 2;
        return jitter(std::min(d, options.max_backoff));
    }

    bool send_once() {
        std::string error;
        try {
            HttpRequest request{url, {}, 0, 0};
            if (!options.token.empty())
                request.headers.emplace_back("Authorization", "Bearer " + options.token);
            auto r = http.post(request, heartbeat_body(snapshot()));
            if (!r)
                error = r.error().kind + ": " + r.error().message;
            else if (r->status < 200 || r->status > 299)
                error = "gateway answered " + std::to_string(r->status);
        } catch (const std::exception& e) {
            error = std::string("snapshot failed: ") + e.what();
        }
        std::unique_lock lock(mutex);
        const bool was_failing = stats.consecutive_failures > 0;
        if (error.empty()) {
            ++stats.sent;
            stats.consecutive_failures = 0;
            stats.last_error.clear();
        } else {
            ++stats.failed;
            ++stats.consecutive_failures;
            stats.last_error = error;
        }
        const bool ok = stats.consecutive_failures == 0;
        lock.unlock();
        if (on_change && ok == was_failing) on_change(ok, error);
        return ok;
    }

    void run() {
        std::chrono::milliseconds delay{0}; // the first heartbeat goes out at start-up
        while (true) {
            {
                std::unique_lock lock(mutex);
                if (wake.wait_for(lock, delay, [this] { return stopping; })) return;
            }
            const bool ok = send_once();
            std::lock_guard lock(mutex);
            delay = delay_after(ok, stats.consecutive_failures);
            stats.next_delay = delay;
        }
    }
};

Heartbeat::Heartbeat(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Heartbeat::~Heartbeat() {
    stop();
}

Result<std::unique_ptr<Heartbeat>> Heartbeat::start(HeartbeatOptions options, SnapshotFn snapshot,
                                                    ChangeFn on_change) {
    while (!options.gateway_url.empty() && options.gateway_url.back() == '/')
        options.gateway_url.pop_back();
    if (options.gateway_url.empty()) return make_error("invalid_option", "heartbeat needs gateway.url");
    // Same transport rule as the gateway client: https, or plain http to this machine only.
    const auto& u = options.gateway_url;
    const bool loopback_http = u.rfind("http://127.0.0.1", 0) == 0 || u.rfind("http://localhost", 0) == 0 ||
                               u.rfind("http://[::1]", 0) == 0;
    if (u.rfind("https://", 0) != 0 && !loopback_http)
        return make_error("invalid_option",
                          "heartbeat: gateway.url must be https:// (http:// only to loopback)");
    const bool id_ok = !options.kiosk_id.empty() &&
                       std::all_of(options.kiosk_id.begin(), options.kiosk_id.end(), [](unsigned char c) {
                           return std::isalnum(c) || c == '-' || c == '_' || c == '.';
                       });
    if (!id_ok) {
        return make_error("invalid_option", "heartbeat: kiosk id '" + options.kiosk_id +
                                                "' must be letters, digits, '-', '_' or '.'");
    }
    if (options.interval.count() <= 0 || options.retry_base.count() <= 0 ||
        options.max_backoff < options.retry_base)
        return make_error("invalid_option",
                          "heartbeat intervals must be positive (max_backoff >= retry_base)");
    if (!snapshot) return make_error("invalid_option", "heartbeat needs a snapshot function");
    auto impl = std::make_unique<Impl>(std::move(options), std::move(snapshot));
    impl->on_change = std::move(on_change);
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<Heartbeat>(new Heartbeat(std::move(impl)));
}

HeartbeatStats Heartbeat::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

void Heartbeat::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
}

} // namespace kiosk::net
