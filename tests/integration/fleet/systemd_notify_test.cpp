// Type=notify and the watchdog against a fake NOTIFY_SOCKET bound by the test: the real sd_notify(3) path
// (WatchdogPinger over the systemd notifier) with a loop thread the test can freeze, and the real kiosk
// binary rendering offscreen. Every wait is bounded.
#include "kiosk/app/service_notifier.hpp"
#include "tests/integration/fleet/notify_socket.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir() {
    return fs::temp_directory_path() / ("kiosk-notify-" + std::to_string(::getpid()));
}

fs::path scratch(const std::string& name) {
    fs::create_directories(scratch_dir());
    return scratch_dir() / name;
}

// Removes this process's scratch folder when a test ends, however it ends.
struct ScratchCleanup {
    ~ScratchCleanup() {
        std::error_code ec;
        fs::remove_all(scratch_dir(), ec);
    }
};

// Sets environment variables for one test and restores them after.
struct ScopedEnv {
    std::vector<std::pair<std::string, std::optional<std::string>>> saved;
    void set(const std::string& k, const std::string& v) {
        const char* old = std::getenv(k.c_str());
        saved.emplace_back(k, old ? std::optional<std::string>(old) : std::nullopt);
        setenv(k.c_str(), v.c_str(), 1);
    }
    void unset(const std::string& k) {
        const char* old = std::getenv(k.c_str());
        saved.emplace_back(k, old ? std::optional<std::string>(old) : std::nullopt);
        unsetenv(k.c_str());
    }
    ~ScopedEnv() {
        for (auto it = saved.rbegin(); it != saved.rend(); ++it)
            it->second ? setenv(it->first.c_str(), it->second->c_str(), 1) : unsetenv(it->first.c_str());
    }
};

} // namespace

TEST(SystemdNotify, PingsFlowWhileTheLoopTurnsAndStopWhenItIsStuck) {
    ScratchCleanup cleanup;
    test::NotifySocket sock(scratch("pinger.sock"));
    ASSERT_TRUE(sock.ok());
    ScopedEnv env;
    env.set("NOTIFY_SOCKET", sock.path().string());
    env.set("WATCHDOG_USEC", "200000"); // pings every 100 ms
    env.unset("WATCHDOG_PID");
    auto notifier = app::make_systemd_notifier();
    ASSERT_EQ(notifier->watchdog_timeout(), 200ms);

    app::WatchdogPinger pinger(*notifier);
    std::atomic<bool> stuck{false}, quit{false}, is_stuck{false};
    // The "UI thread": turns the loop every 10 ms; when stuck it stops turning, like a frame blocked on I/O.
    std::thread ui([&] {
        pinger.first_frame_presented();
        while (!quit) {
            if (stuck) {
                is_stuck = true;
                std::this_thread::sleep_for(5ms);
                continue;
            }
            is_stuck = false;
            pinger.loop_turned(std::chrono::steady_clock::now());
            std::this_thread::sleep_for(10ms);
        }
    });
    auto alive = sock.collect(650ms);
    EXPECT_EQ(test::count_lines(alive, "READY=1"), 1);
    const int alive_pings = test::count_lines(alive, "WATCHDOG=1");
    EXPECT_GE(alive_pings, 3) << "expected a ping every 100 ms";
    EXPECT_LE(alive_pings, 8);

    stuck = true;
    for (int i = 0; i < 200 && !is_stuck; ++i)
        std::this_thread::sleep_for(1ms);
    ASSERT_TRUE(is_stuck.load());
    (void)sock.collect(20ms); // a ping sent just before the freeze
    auto frozen = sock.collect(600ms);
    EXPECT_EQ(test::count_lines(frozen, "WATCHDOG=1"), 0) << "pings went on while the UI thread was stuck";

    stuck = false;
    auto again = sock.collect(400ms);
    EXPECT_GE(test::count_lines(again, "WATCHDOG=1"), 2) << "pings resume when the loop turns again";
    quit = true;
    ui.join();
}

TEST(SystemdNotify, NoWatchdogMeansNoPingsAndNoSocketIsHarmless) {
    ScopedEnv env;
    env.unset("NOTIFY_SOCKET");
    env.unset("WATCHDOG_USEC");
    auto notifier = app::make_systemd_notifier();
    EXPECT_EQ(notifier->watchdog_timeout().count(), 0);
    app::WatchdogPinger pinger(*notifier);
    EXPECT_EQ(pinger.next_due(), app::WatchdogPinger::TimePoint::max());
    pinger.first_frame_presented();
    pinger.loop_turned(std::chrono::steady_clock::now());
    EXPECT_TRUE(pinger.ready_sent());
}

TEST(SystemdNotify, TheKioskSendsReadyAfterItsFirstFrameThenWatchdogPings) {
    ScratchCleanup cleanup;
    const fs::path kiosk = fs::path(KIOSK_BINARY_DIR) / "kiosk/app/kiosk";
    ASSERT_TRUE(fs::exists(kiosk)) << kiosk;
    test::NotifySocket sock(scratch("kiosk.sock"));
    ASSERT_TRUE(sock.ok());
    const auto script = scratch("wait.kiosk");
    std::ofstream(script) << "wait 1800\n";
    const auto state = scratch("state");
    fs::create_directories(state);

    std::string asan = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
    const std::string cmd = "ASAN_OPTIONS='" + asan + (asan.empty() ? "" : ":") +
                            "detect_leaks=0' SDL_VIDEODRIVER=offscreen NOTIFY_SOCKET='" +
                            sock.path().string() + "' WATCHDOG_USEC=500000 XDG_STATE_HOME='" +
                            state.string() + "' KIOSK_CONFIG='" + (state / "none.toml").string() +
                            "' timeout 60 '" + kiosk.string() + "' --set status.port=0 --script '" +
                            script.string() + "' >/dev/null 2>&1";
    std::thread run([&] { EXPECT_EQ(std::system(cmd.c_str()), 0); });
    // The kiosk renders, waits 1.8 s in its frame loop (pinging every 250 ms), then exits.
    std::vector<std::string> got;
    const auto deadline = std::chrono::steady_clock::now() + 50s;
    while (std::chrono::steady_clock::now() < deadline && test::count_lines(got, "STOPPING=1") == 0) {
        auto more = sock.collect(200ms);
        got.insert(got.end(), more.begin(), more.end());
    }
    run.join();
    ASSERT_EQ(test::count_lines(got, "READY=1"), 1);
    EXPECT_EQ(test::count_lines(got, "STOPPING=1"), 1);
    EXPECT_GE(test::count_lines(got, "WATCHDOG=1"), 4) << "a 1.8 s wait at 250 ms per ping";
    // READY=1 comes before any other state: the first frame is on screen by then.
    EXPECT_NE(got.front().find("READY=1"), std::string::npos) << got.front();
}
