// The central configuration layer end to end: the real kiosk (offscreen) polls a loopback gateway, applies a
// layer live (the header shows the centrally set office name), revalidates with If-None-Match (304), then
// refuses a bad layer, keeps the last good one on screen and reports config.central_rejected. Bounded waits.
#include "tests/integration/fleet/kiosk_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

using namespace kiosk;
using namespace std::chrono_literals;

TEST(CentralConfig, AppliedLiveRevalidatedWithEtagAndABadLayerIsRefused) {
    std::atomic<int> requests{0};
    std::atomic<bool> saw_304{false}, served_bad{false};
    std::mutex mu;
    std::string auth;
    httplib::Server gateway;
    gateway.Get("/v1/kiosks/kiosk-central/config", [&](const httplib::Request& req, httplib::Response& res) {
        ++requests;
        {
            std::lock_guard lock(mu);
            auth = req.get_header_value("Authorization");
        }
        if (!saw_304 && req.get_header_value("If-None-Match") == "\"v1\"") {
            saw_304 = true;
            res.status = 304;
            return;
        }
        if (saw_304) {
            served_bad = true;
            res.set_header("ETag", "\"v2\"");
            res.set_content("[ui]\nidle_timeout_s = \"later\"\n", "application/toml");
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_content("[office]\nname_vi = \"UBND phường Láng Trung Ương\"\n", "application/toml");
    });
    const int gw_port = gateway.bind_to_any_port("127.0.0.1");
    ASSERT_GT(gw_port, 0);
    std::thread serving([&] { gateway.listen_after_bind(); });

    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-central-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    const std::string url = "http://127.0.0.1:" + std::to_string(gw_port) + "/v1/kiosks/kiosk-central/config";
    test::KioskProcess kiosk(dir,
                             "wait 3000\nexpect \"UBND phường Láng Trung Ương\"\nwait 12000\n"
                             "expect \"UBND phường Láng Trung Ương\"\n",
                             {"office.kiosk_id=kiosk-central", "fleet.config_url=" + url,
                              "fleet.config_poll_s=5", "gateway.token=central-token"});
    ASSERT_GT(kiosk.pid(), 0);
    const int port = kiosk.status_port(30s);
    ASSERT_GT(port, 0) << kiosk.log();
    httplib::Client status("127.0.0.1", port);
    status.set_read_timeout(3, 0);

    bool rejected = false;
    for (int i = 0; i < 250 && !rejected; ++i) { // the bad layer comes on the third poll (~10 s)
        auto r = status.Get("/healthz");
        rejected = r && r->body.find("config.central_rejected") != std::string::npos;
        if (!rejected) std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(saw_304.load()) << "the second poll did not revalidate with If-None-Match";
    EXPECT_TRUE(served_bad.load());
    EXPECT_TRUE(rejected) << "a bad central layer was not reported";
    {
        std::lock_guard lock(mu);
        EXPECT_EQ(auth, "Bearer central-token");
    }
    // The script's last expect: the good layer's office name is still on screen.
    EXPECT_EQ(kiosk.wait(40s), 0) << kiosk.log();
    EXPECT_NE(kiosk.log().find("config.central_rejected"), std::string::npos) << kiosk.log();
    EXPECT_TRUE(std::filesystem::exists(dir / "state/motcua-kiosk/central/layer.toml"));
    gateway.stop();
    serving.join();
    std::filesystem::remove_all(dir);
}
