// GET /screenshot.png from the real kiosk (offscreen): a PNG of the home screen with the token, 401 without,
// and 409 once a citizen opens the dossier screen. Bounded waits throughout.
#include "tests/integration/fleet/kiosk_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

using namespace kiosk;
using namespace std::chrono_literals;

TEST(Screenshot, HomeScreenIsSharedCitizenScreensAreNot) {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-shot-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    // Home for 6 s, then the dossier screen (a citizen typing a code) for 6 s.
    test::KioskProcess kiosk(dir, "wait 6000\ntap! \"Tra cứu hồ sơ\"\nwait 6000\n",
                             {"status.token=shot-token"});
    ASSERT_GT(kiosk.pid(), 0);
    const int port = kiosk.status_port(30s);
    ASSERT_GT(port, 0) << kiosk.log();
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(5, 0);
    const httplib::Headers token{{"Authorization", "Bearer shot-token"}};

    auto r = c.Get("/screenshot.png");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    r = c.Get("/screenshot.png", token);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
    ASSERT_GT(r->body.size(), 1000u);
    EXPECT_EQ(r->body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

    bool refused = false;
    for (int i = 0; i < 100 && !refused; ++i) { // the script taps after ~6 s
        r = c.Get("/screenshot.png", token);
        ASSERT_TRUE(r);
        refused = r->status == 409;
        if (!refused) std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(refused) << "the dossier screen was shared";
    EXPECT_EQ(r->body.find("PNG"), std::string::npos);
    EXPECT_EQ(kiosk.wait(30s), 0) << kiosk.log();
    std::filesystem::remove_all(dir);
}
