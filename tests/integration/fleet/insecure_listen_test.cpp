// The kiosk's side of the status policy: asked to listen on every interface without a token, the health
// reporter logs why, serves on 127.0.0.1 only and reports the refusal as a health problem; the kiosk runs on.
#include "kiosk/app/health_reporter.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

using namespace kiosk;

TEST(InsecureListen, RefusedPublicAddressFallsBackToLoopbackWithAProblem) {
    app::HealthReporter reporter;
    health::HealthSnapshot s;
    s.kiosk_id = "kiosk-open";
    reporter.publish(s);
    net::StatusServerOptions o;
    o.listen = "0.0.0.0";
    o.port = 0;
    std::vector<std::string> logged;
    auto started = reporter.start_server(o, [&](const std::string& line) { logged.push_back(line); });
    ASSERT_TRUE(started.ok()) << started.error().message;
    ASSERT_GT(reporter.port(), 0);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_NE(logged[0].find("0.0.0.0"), std::string::npos) << logged[0];
    EXPECT_NE(logged[0].find("status.token"), std::string::npos) << logged[0];
    EXPECT_NE(logged[0].find("127.0.0.1 only"), std::string::npos) << logged[0];

    httplib::Client c("127.0.0.1", reporter.port());
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(3, 0);
    auto r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->body, "degraded: status.insecure_listen\n");
    reporter.publish(s); // a later snapshot from the UI thread keeps the problem
    r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "degraded: status.insecure_listen\n");
}

TEST(InsecureListen, PublicAddressWithATokenIsServedAsAsked) {
    app::HealthReporter reporter;
    reporter.publish({});
    net::StatusServerOptions o;
    o.listen = "0.0.0.0";
    o.port = 0;
    o.token = "t0ken";
    std::vector<std::string> logged;
    auto started = reporter.start_server(o, [&](const std::string& line) { logged.push_back(line); });
    ASSERT_TRUE(started.ok()) << started.error().message;
    EXPECT_TRUE(logged.empty());
    auto r = httplib::Client("127.0.0.1", reporter.port()).Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}
