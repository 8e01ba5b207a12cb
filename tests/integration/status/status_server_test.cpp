// The status server on 127.0.0.1 (ephemeral port), queried with cpp-httplib's client and raw sockets:
// status codes, token rule, bodies, limits, bind errors and a prompt stop. Every wait here is bounded.
#include "kiosk/net/status_server.hpp"
#include "tests/unit/health/prom_parse.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kToken = "s3cret-token_01";

long ms_since(Clock::time_point t0) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count());
}

// What the app does: a mutex-protected snapshot that the server copies.
class SnapshotSource {
  public:
    SnapshotSource() {
        s_.kiosk_id = "kiosk-07";
        s_.office_id = "Phường Láng Thượng";
        s_.version = "0.1.0";
        s_.started_at = 1790000000;
        s_.now = 1790000100;
        s_.uptime_seconds = 100;
        s_.printer.describe = "png:/tmp/tickets";
        s_.printer.state = "ready";
        s_.queue = {"sqlite", true, "", 9};
        s_.catalog = {"bundled", "2026-09-01", 150, "never", "", 5};
        s_.dossier = {"sqlite", true, 4, 0};
    }
    health::HealthSnapshot get() {
        ++calls_;
        std::lock_guard lock(mu_);
        if (throw_) throw std::runtime_error("snapshot broke");
        return s_;
    }
    void set_fault(const std::string& fault) {
        std::lock_guard lock(mu_);
        s_.printer.fault = fault;
        s_.problems = health::derive_problems(s_);
    }
    void set_throw(bool t) {
        std::lock_guard lock(mu_);
        throw_ = t;
    }
    [[nodiscard]] int calls() const { return calls_; }
    net::StatusServer::SnapshotFn fn() {
        return [this] { return get(); };
    }

  private:
    std::mutex mu_;
    health::HealthSnapshot s_;
    bool throw_ = false;
    std::atomic<int> calls_{0};
};

std::unique_ptr<net::StatusServer> start(SnapshotSource& src, std::string token = kToken) {
    net::StatusServerOptions o;
    o.port = 0;
    o.token = std::move(token);
    auto r = net::StatusServer::start(o, src.fn());
    EXPECT_TRUE(r.ok()) << r.error().kind << ": " << r.error().message;
    if (!r.ok()) return nullptr;
    EXPECT_GT((*r)->port(), 0);
    return std::move(*r);
}

httplib::Client client(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(3, 0);
    c.set_write_timeout(2, 0);
    return c;
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// A plain TCP connection; -1 when refused.
int connect_raw(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

} // namespace

TEST(StatusServer, HealthzOkThenDegradedThenOkAgain) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    auto c = client(server->port());

    auto r = c.Get("/healthz");
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "ok\n");
    EXPECT_EQ(r->get_header_value("Content-Type").rfind("text/plain", 0), 0u);

    src.set_fault("out_of_paper");
    r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->body, "degraded: printer.out_of_paper\n");

    src.set_fault("");
    r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_GE(src.calls(), 3);
}

TEST(StatusServer, StatusNeedsTheToken) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    auto c = client(server->port());

    auto r = c.Get("/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->get_header_value("WWW-Authenticate").rfind("Bearer", 0), 0u);
    EXPECT_EQ(r->body.find("kiosk-07"), std::string::npos) << "no data without the token";

    for (const std::string bad : {"wrong", "s3cret-token_0", "s3cret-token_01x", ""}) {
        r = c.Get("/status", bearer(bad));
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 401) << "token '" << bad << "'";
    }
    r = c.Get("/status", {{"Authorization", std::string("Basic ") + kToken}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    r = c.Get("/status", {{"Authorization", kToken}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);

    r = c.Get("/status", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    const auto j = nlohmann::json::parse(r->body);
    EXPECT_EQ(j["kiosk_id"], "kiosk-07");
    EXPECT_EQ(j["office_id"], "Phường Láng Thượng");
    EXPECT_EQ(j["ok"], true);
    EXPECT_EQ(j["queue"]["issued_today"], 9);
    EXPECT_EQ(j["catalog"]["procedures"], 150);
    for (const char* key : {"printer", "queue", "catalog", "dossier", "scanner", "config", "problems",
                            "uptime_seconds", "frames_rendered", "last_frame_at", "version"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }

    // The scheme is case-insensitive (RFC 7235).
    r = c.Get("/status", {{"Authorization", std::string("bearer ") + kToken}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);

    src.set_fault("paper_jam");
    r = c.Get("/status", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << "/status reports problems in the body, not the status code";
    EXPECT_EQ(nlohmann::json::parse(r->body)["problems"][0]["code"], "printer.paper_jam");
}

TEST(StatusServer, HealthzNeedsNoTokenAndNoTokenMeansOpen) {
    SnapshotSource src;
    auto with_token = start(src);
    ASSERT_TRUE(with_token);
    auto c = client(with_token->port());
    auto r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);

    auto open = start(src, "");
    ASSERT_TRUE(open);
    auto c2 = client(open->port());
    r = c2.Get("/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    r = c2.Get("/metrics");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(StatusServer, MetricsParseAndFollowTheTokenRule) {
    SnapshotSource src;
    src.set_fault("cover_open");
    auto server = start(src);
    ASSERT_TRUE(server);
    auto c = client(server->port());

    auto r = c.Get("/metrics");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    r = c.Get("/metrics", bearer("nope"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);

    r = c.Get("/metrics", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    const auto p = test::parse_prometheus(r->body);
    ASSERT_EQ(p.error, "") << r->body;
    ASSERT_TRUE(p.find("motcua_kiosk_up").has_value());
    EXPECT_EQ(p.find("motcua_kiosk_up")->value, 1);
    EXPECT_EQ(p.find("motcua_kiosk_printer_ok")->value, 0);
    EXPECT_EQ(p.find("motcua_kiosk_tickets_issued_today")->value, 9);
    ASSERT_TRUE(p.find("motcua_kiosk_problem", {{"code", "printer.cover_open"}}).has_value());
    EXPECT_EQ(p.find("motcua_kiosk_info")->labels.at("office_id"), "Phường Láng Thượng");
}

TEST(StatusServer, UnknownPathsAre404AndOtherMethods405) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    auto c = client(server->port());
    for (const char* path : {"/", "/nope", "/status/extra", "/healthz/", "/metrics.txt", "/../etc/passwd"}) {
        auto r = c.Get(path, bearer(kToken));
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
        EXPECT_FALSE(r->body.empty()) << path;
    }
    auto r = c.Post("/status", bearer(kToken), "x", "text/plain");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "GET");
    r = c.Delete("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    // A large body is refused without being read into memory.
    r = c.Post("/healthz", std::string(64 * 1024, 'x'), "text/plain");
    if (r) {
        EXPECT_GE(r->status, 400); // 413 or 405; a reset connection is also acceptable
    }
    // The server is still fine afterwards.
    auto c2 = client(server->port());
    r = c2.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(StatusServer, SnapshotExceptionIs500AndServerSurvives) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    auto c = client(server->port());
    src.set_throw(true);
    auto r = c.Get("/status", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_EQ(r->body.find("snapshot broke"), std::string::npos) << "exception text is not leaked";
    src.set_throw(false);
    r = c.Get("/status", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(StatusServer, PortInUseIsAClearBindError) {
    SnapshotSource src;
    auto first = start(src);
    ASSERT_TRUE(first);
    net::StatusServerOptions o;
    o.port = first->port();
    auto second = net::StatusServer::start(o, src.fn());
    ASSERT_FALSE(second.ok()) << "two servers on one port";
    EXPECT_EQ(second.error().kind, "bind");
    EXPECT_NE(second.error().message.find("127.0.0.1:" + std::to_string(o.port)), std::string::npos)
        << second.error().message;
    EXPECT_NE(second.error().message.find("in use"), std::string::npos) << second.error().message;
    // The first one still answers.
    auto r = client(first->port()).Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(StatusServer, PortHeldByAnotherProgramIsABindError) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
    ASSERT_EQ(listen(fd, 1), 0);
    socklen_t len = sizeof(a);
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len), 0);
    const int port = ntohs(a.sin_port);

    SnapshotSource src;
    net::StatusServerOptions o;
    o.port = port;
    auto r = net::StatusServer::start(o, src.fn());
    close(fd);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "bind");
    EXPECT_NE(r.error().message.find(":" + std::to_string(port)), std::string::npos) << r.error().message;
}

TEST(StatusServer, BadOptionsAreRefused) {
    SnapshotSource src;
    net::StatusServerOptions o;
    o.port = 70000;
    auto r = net::StatusServer::start(o, src.fn());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "invalid_option");
    EXPECT_NE(r.error().message.find("70000"), std::string::npos);

    o.port = 0;
    r = net::StatusServer::start(o, nullptr);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "invalid_option");

    o.listen = "256.1.2.3";
    o.token = kToken; // a non-loopback address needs one (status_policy_test)
    r = net::StatusServer::start(o, src.fn());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "bind");
    EXPECT_NE(r.error().message.find("256.1.2.3:0"), std::string::npos) << r.error().message;
}

TEST(StatusServer, StopIsPromptAndClosesThePort) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    const int port = server->port();
    auto r = client(port).Get("/healthz");
    ASSERT_TRUE(r);

    const auto t0 = Clock::now();
    server->stop();
    const long stop_ms = ms_since(t0);
    EXPECT_LT(stop_ms, 500) << "stop took " << stop_ms << " ms";
    server->stop(); // idempotent
    EXPECT_EQ(connect_raw(port), -1) << "port still accepting after stop";

    const auto t1 = Clock::now();
    server.reset(); // destructor after stop
    EXPECT_LT(ms_since(t1), 200);
}

TEST(StatusServer, IdleClientCannotHoldStopBeyondTheTimeout) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    const int fd = connect_raw(server->port()); // connects and never sends a byte
    ASSERT_GE(fd, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto t0 = Clock::now();
    server->stop();
    const long stop_ms = ms_since(t0);
    close(fd);
    EXPECT_LT(stop_ms, 2500) << "stop took " << stop_ms << " ms with an idle client"; // keep-alive is 1 s
}

TEST(StatusServer, SilentClientIsDisconnectedAfterTheReadTimeout) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    const int fd = connect_raw(server->port());
    ASSERT_GE(fd, 0);
    const std::string partial = "GET /healthz HTTP/1.1\r\nHost: x\r\n"; // never finishes the header
    ASSERT_EQ(send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), static_cast<ssize_t>(partial.size()));
    timeval tv{6, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    const auto t0 = Clock::now();
    char buf[512];
    ssize_t n = 0;
    for (int i = 0; i < 20; ++i) { // drain any error response until the server closes
        n = recv(fd, buf, sizeof(buf), 0);
        if (n <= 0) break;
    }
    const long ms = ms_since(t0);
    close(fd);
    EXPECT_EQ(n, 0) << "expected the server to close the connection";
    EXPECT_GE(ms, 1500);
    EXPECT_LT(ms, 4000) << "silent client held a worker for " << ms << " ms"; // 2 s read + 1 s keep-alive
}

TEST(StatusServer, ConcurrentClientsAllAnswered) {
    SnapshotSource src;
    auto server = start(src);
    ASSERT_TRUE(server);
    const int port = server->port();
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            auto c = client(port);
            for (int i = 0; i < 25; ++i) {
                auto r = c.Get(i % 2 ? "/healthz" : "/metrics", bearer(kToken));
                (r && r->status == 200) ? ++ok : ++failed;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(ok.load(), 100);
    EXPECT_EQ(failed.load(), 0);
}
