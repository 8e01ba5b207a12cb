// Call-to-display latency: time from "call next" at a counter (CounterDesk::call_next, the code behind the
// counter console and `kioskctl queue call-next`) to the first frame the lobby display presents with that
// ticket on it, through PostgreSQL on loopback (LISTEN/NOTIFY). Prints p50, p99 and max over the calls
// (target p99 <= 300 ms) and how many were never shown within 10 s; then the display's idle CPU on
// PostgreSQL (its CPU time over 20 s without calls, target <= 0.5 % of one core).
//
// It starts a throw-away PostgreSQL server (as the integration tests do), or uses KIOSK_BENCH_PG_DSN when set
// (a fresh office id per run), then runs a real `kiosk --mode display` headless (SDL_VIDEODRIVER=offscreen)
// with --frame-log, which writes "<CLOCK_MONOTONIC us> <text>" for each text a presented frame shows first.
// usage: build/release/tests/bench/counter_call_bench [CALLS=200] [KIOSK_BINARY]
#include "../integration/queue/pg_server.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/runtime/composition_root.hpp"
#include "kiosk/runtime/config_snapshot.hpp"
#include "kiosk/runtime/counter_parts.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace kiosk;
using Steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// Reads the display's frame log as it grows: remembers the offset of the first unread byte.
class FrameLogReader {
  public:
    explicit FrameLogReader(fs::path path) : path_(std::move(path)) {}

    // Waits (polling every millisecond) until a line with exactly `text` appears; returns its time.
    std::optional<Steady::time_point> wait_for(const std::string& text, std::chrono::milliseconds limit) {
        const auto give_up = Steady::now() + limit;
        while (Steady::now() < give_up) {
            std::ifstream in(path_, std::ios::binary);
            in.seekg(static_cast<std::streamoff>(offset_));
            std::string line;
            while (std::getline(in, line)) {
                if (in.eof()) break; // a line still being written: read it again next time
                offset_ += line.size() + 1;
                const auto space = line.find(' ');
                if (space == std::string::npos || line.substr(space + 1) != text) continue;
                return Steady::time_point(std::chrono::microseconds(std::stoll(line.substr(0, space))));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return std::nullopt;
    }

  private:
    fs::path path_;
    std::size_t offset_ = 0;
};

// utime + stime of a process, in seconds.
double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2)); // after "pid (comm) "
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) { // field 3 is the state
        if (i == 14) utime = std::stoll(field);
        if (i == 15) {
            stime = std::stoll(field);
            break;
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

fs::path default_kiosk() {
    // build/<preset>/tests/bench/counter_call_bench → build/<preset>/kiosk/app/kiosk
    return fs::read_symlink("/proc/self/exe").parent_path() / "../../kiosk/app/kiosk";
}

} // namespace

int main(int argc, char** argv) {
    const int calls = argc > 1 ? std::atoi(argv[1]) : 200;
    const fs::path kiosk_bin = argc > 2 ? fs::path(argv[2]) : default_kiosk();
    if (calls < 1 || !fs::exists(kiosk_bin)) {
        std::cerr << "usage: counter_call_bench [CALLS] [KIOSK_BINARY] (kiosk not found at " << kiosk_bin
                  << ")\n";
        return 2;
    }
    char tmpl[] = "/tmp/kiosk-call-bench-XXXXXX";
    const fs::path dir = ::mkdtemp(tmpl);
    ::setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    ::setenv("KIOSK_CONFIG", (dir / "none.toml").c_str(), 1); // embedded defaults + the overrides below
    ::setenv("SDL_VIDEODRIVER", "offscreen", 1);

    kiosk::testing::PgServer server;
    std::string dsn;
    if (const char* env = std::getenv("KIOSK_BENCH_PG_DSN"); env && *env) {
        dsn = env;
    } else {
        std::string error;
        if (!server.start(error)) {
            std::cerr << "cannot start PostgreSQL: " << error << "\n";
            return 1;
        }
        dsn = server.dsn();
    }
    const std::vector<std::string> overrides = {"queue.store=postgres", "queue.postgres_dsn=" + dsn,
                                                "office.office_id=bench-" + std::to_string(::getpid()),
                                                "speech.output=off", "status.enabled=false"};

    auto resolved = runtime::resolve_startup_config({"", overrides});
    if (!resolved.problems.empty()) {
        std::cerr << "config: " << resolved.problems.front().to_string() << "\n";
        return 1;
    }
    const auto config = resolved.config;
    runtime::CompositionRoot root(config, resolved.state_dir);
    auto services = queue::queue_services(*config);
    auto store = root.open_ticket_store();
    auto desk = runtime::open_counter_desk(root.plan(), *config);
    if (!services || services->empty() || !store || !desk) {
        std::cerr << "cannot open the queue: "
                  << (!store  ? store.error().message
                      : !desk ? desk.error().message
                              : "no services")
                  << "\n";
        return 1;
    }
    const queue::Service service = services->front();
    for (int i = 0; i < calls + 1; ++i)
        if (auto t = (*store)->issue(service, queue::PriorityKind::none, queue::now_ms()); !t) {
            std::cerr << "issue: " << t.error().message << "\n";
            return 1;
        }

    const fs::path log = dir / "frames.log";
    std::vector<std::string> args = {kiosk_bin.string(), "--mode", "display", "--frame-log", log.string()};
    for (const auto& o : overrides) {
        args.push_back("--set");
        args.push_back(o);
    }
    std::vector<char*> argv_c;
    for (auto& a : args)
        argv_c.push_back(a.data());
    argv_c.push_back(nullptr);
    pid_t pid = 0;
    if (::posix_spawn(&pid, argv_c[0], nullptr, nullptr, argv_c.data(), environ) != 0) {
        std::cerr << "cannot start " << kiosk_bin << "\n";
        return 1;
    }

    FrameLogReader frames(log);
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> pause_ms(100, 300); // calls are seconds apart in an office
    std::vector<double> latencies_ms;
    int missed = 0;
    const std::vector<std::string> codes = {service.code};
    // Call 0 is the warm-up (display start-up, first board); not counted.
    for (int i = 0; i <= calls; ++i) {
        const int counter = 1 + i % 4;
        const auto t0 = Steady::now();
        auto called = (*desk)->call_next(counter, codes, queue::now_ms());
        if (!called || !called->has_value()) {
            std::cerr << "call_next: " << (called ? "nothing waiting" : called.error().message) << "\n";
            ::kill(pid, SIGTERM);
            ::waitpid(pid, nullptr, 0);
            return 1;
        }
        const auto shown =
            frames.wait_for((**called).display, std::chrono::milliseconds(i == 0 ? 60'000 : 10'000));
        if (i > 0) {
            if (shown)
                latencies_ms.push_back(std::chrono::duration<double, std::milli>(*shown - t0).count());
            else
                ++missed;
        } else if (!shown) {
            std::cerr << "the display never showed the warm-up call\n";
            ::kill(pid, SIGTERM);
            ::waitpid(pid, nullptr, 0);
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(rng)));
    }
    std::this_thread::sleep_for(std::chrono::seconds(2)); // the last highlight ends
    const double cpu_before = cpu_seconds(pid);
    std::this_thread::sleep_for(std::chrono::seconds(20));
    const double idle_percent = (cpu_seconds(pid) - cpu_before) / 20.0 * 100.0;
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    (*desk).reset(); // close the connections before the server stops
    (*store).reset();
    server.stop();
    std::error_code ec;
    fs::remove_all(dir, ec);

    std::printf("call-next -> display frame via PostgreSQL (loopback, offscreen display)\n");
    std::printf("calls=%d shown=%zu missed=%d\n", calls, latencies_ms.size(), missed);
    if (latencies_ms.empty()) return 1;
    std::printf("p50_ms=%.1f p99_ms=%.1f max_ms=%.1f (target p99 <= 300 ms)\n", percentile(latencies_ms, 50),
                percentile(latencies_ms, 99), *std::max_element(latencies_ms.begin(), latencies_ms.end()));
    std::printf("display idle CPU on PostgreSQL over 20 s: %.2f %% of one core (target <= 0.5 %%)\n",
                idle_percent);
    return 0;
}
