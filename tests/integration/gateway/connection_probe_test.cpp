// The set-up Network screen's step-by-step test against real loopback servers: every step passes on a
// working gateway, and a broken one is blamed on the right step (DNS, TCP, TLS, HTTP).
#include "kiosk/net/connection_probe.hpp"
#include "tests/integration/gateway/test_gateway.hpp"

#include <gtest/gtest.h>

namespace kiosk::net {
namespace {

ProbeOptions options(std::string url) {
    ProbeOptions o;
    o.base_url = std::move(url);
    o.token = "probe-token";
    o.connect_timeout_ms = 1000;
    o.total_timeout_ms = 3000;
    return o;
}

TEST(ConnectionProbe, WorkingGatewayPassesEveryStep) {
    test::TestGateway gateway;
    auto r = probe_gateway(options(gateway.base("ok")));
    ASSERT_TRUE(r.ok()) << (r.failed_step() ? r.failed_step()->detail : "");
    EXPECT_EQ(r.steps[0].state, ProbeState::ok);
    EXPECT_EQ(r.steps[1].state, ProbeState::ok);
    EXPECT_EQ(r.steps[2].state, ProbeState::skipped); // plain http on loopback
    EXPECT_EQ(r.steps[3].state, ProbeState::ok);
    EXPECT_EQ(r.steps[3].detail, "HTTP 200");
    EXPECT_GE(r.total_ms, 0);
}

TEST(ConnectionProbe, ServerErrorFailsTheHttpStep) {
    test::TestGateway gateway;
    auto r = probe_gateway(options(gateway.base("503")));
    ASSERT_NE(r.failed_step(), nullptr);
    EXPECT_EQ(r.failed_step()->name, "http");
    EXPECT_EQ(r.failed_step()->detail, "HTTP 503");
    auto denied = probe_gateway(options(gateway.base("401")));
    ASSERT_NE(denied.failed_step(), nullptr);
    EXPECT_NE(denied.failed_step()->detail.find("token refused"), std::string::npos);
}

TEST(ConnectionProbe, ClosedPortFailsTheTcpStep) {
    auto r = probe_gateway(options("http://127.0.0.1:" + std::to_string(test::closed_port()) + "/x"));
    ASSERT_NE(r.failed_step(), nullptr);
    EXPECT_EQ(r.failed_step()->name, "tcp");
    EXPECT_EQ(r.steps[0].state, ProbeState::ok);
    EXPECT_EQ(r.steps[3].state, ProbeState::not_reached);
}

TEST(ConnectionProbe, PlainServerBehindHttpsFailsTheTlsStep) {
    test::TestGateway gateway;
    auto r = probe_gateway(options("https://127.0.0.1:" + std::to_string(gateway.port()) + "/ok"));
    ASSERT_NE(r.failed_step(), nullptr);
    EXPECT_EQ(r.failed_step()->name, "tls");
}

TEST(ConnectionProbe, UnknownHostFailsTheDnsStep) {
    // ".invalid" never resolves (RFC 2606); the lookup is bounded by the connect timeout.
    auto r = probe_gateway(options("https://gateway.kiosk-test.invalid/"));
    ASSERT_NE(r.failed_step(), nullptr);
    EXPECT_EQ(r.failed_step()->name, "dns");
    auto none = probe_gateway(options(""));
    ASSERT_NE(none.failed_step(), nullptr);
    EXPECT_EQ(none.failed_step()->name, "dns");
}

} // namespace
} // namespace kiosk::net
