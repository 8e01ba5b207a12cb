// The heartbeat against a loopback gateway (cpp-httplib server): it arrives on time with the compact body and
// the bearer token; while the gateway fails (503) or is gone (port closed) the retries back off
// exponentially; when it returns the heartbeats resume. Every wait is bounded.
#include "kiosk/net/heartbeat.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

namespace {

class LoopbackGateway {
  public:
    explicit LoopbackGateway(int port = 0) {
        server_.Post(R"(/v1/kiosks/([^/]+)/heartbeat)", [this](const httplib::Request& req,
                                                               httplib::Response& res) {
            std::lock_guard lock(mu_);
            hits_.push_back({Steady::now(), req.matches[1], req.body, req.get_header_value("Authorization"),
                             req.get_header_value("Content-Type")});
            res.status = failing_ ? 503 : 204;
        });
        port_ = port == 0 ? server_.bind_to_any_port("127.0.0.1")
                          : (server_.bind_to_port("127.0.0.1", port) ? port : -1);
        if (port_ > 0) thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 500 && port_ > 0 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(1ms);
    }
    ~LoopbackGateway() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    struct Hit {
        Steady::time_point at;
        std::string kiosk, body, auth, type;
    };
    [[nodiscard]] int port() const { return port_; }
    void set_failing(bool f) {
        std::lock_guard lock(mu_);
        failing_ = f;
    }
    [[nodiscard]] std::vector<Hit> hits() {
        std::lock_guard lock(mu_);
        return hits_;
    }
    [[nodiscard]] std::size_t count() {
        std::lock_guard lock(mu_);
        return hits_.size();
    }

  private:
    httplib::Server server_;
    std::thread thread_;
    std::mutex mu_;
    std::vector<Hit> hits_;
    bool failing_ = false;
    int port_ = -1;
};

template <class F> bool eventually(std::chrono::milliseconds limit, F fn) {
    const auto end = Steady::now() + limit;
    while (Steady::now() < end) {
        if (fn()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return fn();
}

health::HealthSnapshot snapshot() {
    health::HealthSnapshot s;
    s.kiosk_id = "kiosk-hb-01";
    s.office_id = "Phường Láng";
    s.version = "0.1.0";
    s.queue.issued_today = 17;
    s.problems = {{"printer.out_of_paper", "cups:Kiosk80@secret-host.local: media-empty"}};
    return s;
}

net::HeartbeatOptions options(int port) {
    net::HeartbeatOptions o;
    o.gateway_url = "http://127.0.0.1:" + std::to_string(port) + "/";
    o.kiosk_id = "kiosk-hb-01";
    o.token = "gw-token-9";
    o.http.connect_timeout_ms = 500;
    o.http.total_timeout_ms = 1000;
    o.interval = 150ms;
    o.retry_base = 100ms;
    o.max_backoff = 800ms;
    return o;
}

std::vector<long> gaps_ms(const std::vector<LoopbackGateway::Hit>& hits, std::size_t from) {
    std::vector<long> out;
    for (std::size_t i = from + 1; i < hits.size(); ++i)
        out.push_back(static_cast<long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(hits[i].at - hits[i - 1].at).count()));
    return out;
}

} // namespace

TEST(Heartbeat, ReachesTheGatewayBacksOffWhileItFailsAndResumes) {
    auto gateway = std::make_unique<LoopbackGateway>();
    const int port = gateway->port();
    ASSERT_GT(port, 0);
    auto started = net::Heartbeat::start(options(port), [] { return snapshot(); });
    ASSERT_TRUE(started.ok()) << started.error().message;
    auto& heartbeat = **started;

    // Up: about every 150 ms.
    ASSERT_TRUE(eventually(3000ms, [&] { return gateway->count() >= 4; }));
    const auto first = gateway->hits();
    EXPECT_EQ(first[0].kiosk, "kiosk-hb-01");
    EXPECT_EQ(first[0].auth, "Bearer gw-token-9");
    EXPECT_EQ(first[0].type, "application/json");
    const auto body = nlohmann::json::parse(first[0].body);
    EXPECT_EQ(body["kiosk_id"], "kiosk-hb-01");
    EXPECT_EQ(body["ok"], false);
    EXPECT_EQ(body["problems"][0], "printer.out_of_paper");
    EXPECT_EQ(body["queue"]["issued_today"], 17);
    EXPECT_EQ(first[0].body.find("secret-host"), std::string::npos) << "problem details stay on the kiosk";
    EXPECT_EQ(first[0].body.find("gw-token-9"), std::string::npos);
    for (long gap : gaps_ms(first, 0)) {
        EXPECT_GE(gap, 120) << "sooner than the interval";
        EXPECT_LE(gap, 1500)
            << "much later than the interval"; // generous: sanitizer builds on a busy machine
    }

    // Failing (503): retries back off 100 → 200 → 400 → 800 ms (each jittered to [d/2, d]).
    gateway->set_failing(true);
    const std::size_t before = gateway->count();
    std::this_thread::sleep_for(2600ms);
    const auto failing = gateway->hits();
    const std::size_t attempts = failing.size() - before;
    EXPECT_GE(attempts, 4u);
    EXPECT_LE(attempts, 9u) << "no backoff: the interval alone would give ~17 attempts";
    const auto gaps = gaps_ms(failing, before); // gap k follows the (k+1)th failure
    ASSERT_GE(gaps.size(), 4u);
    EXPECT_LE(gaps[0], 100 + 300); // the first retry delay is at most 100 ms (+ request time)
    EXPECT_GE(gaps[2], 200 - 10);
    EXPECT_GE(gaps[3], 400 - 10);
    auto stats = heartbeat.stats();
    EXPECT_GE(stats.consecutive_failures, 4);
    EXPECT_NE(stats.last_error.find("503"), std::string::npos) << stats.last_error;

    // Gone (port closed): failures go on, capped at 800 ms.
    gateway.reset();
    std::this_thread::sleep_for(1200ms);
    stats = heartbeat.stats();
    EXPECT_NE(stats.last_error.find("refused"), std::string::npos) << stats.last_error;
    EXPECT_LE(stats.next_delay.count(), 800);

    // Back on the same port: the next retry (≤ 800 ms) gets through and the failures reset.
    gateway = std::make_unique<LoopbackGateway>(port);
    ASSERT_EQ(gateway->port(), port);
    EXPECT_TRUE(eventually(2500ms, [&] { return gateway->count() >= 1; })) << "heartbeats did not resume";
    EXPECT_TRUE(eventually(1000ms, [&] { return heartbeat.stats().consecutive_failures == 0; }));

    const auto t0 = Steady::now();
    heartbeat.stop();
    EXPECT_LT(Steady::now() - t0, 1500ms) << "stop waits at most for one bounded request";
}

TEST(Heartbeat, BadOptionsAreRefused) {
    auto o = options(1);
    o.kiosk_id = "../etc";
    auto r = net::Heartbeat::start(o, [] { return snapshot(); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "invalid_option");
    o = options(1);
    o.gateway_url = "";
    EXPECT_FALSE(net::Heartbeat::start(o, [] { return snapshot(); }).ok());
    o = options(1);
    o.interval = 0ms;
    EXPECT_FALSE(net::Heartbeat::start(o, [] { return snapshot(); }).ok());
}
