// A real Prometheus (Debian package "prometheus") on loopback, using deploy/prometheus/ as shipped except for
// shorter intervals and `for:` durations (and the test's own file_sd target), scrapes
//  - the real kiosk binary, headless (SDL offscreen), whose UI script takes a queue ticket every few seconds
//    with the PNG printer: it sees motcua_kiosk_up, the ticket count move, KioskPrinterFault and
//    KioskPrintFailuresRising fire once the printer's folder is replaced by a file (the PNG printer's real
//    fault path: every print then fails with io_error), and KioskDown when the kiosk is killed;
//  - a status server fed a HealthSnapshot by the test, for the alerts a PNG printer cannot cause
//    (KioskOutOfPaper).
// Every wait is bounded.
#include "kiosk/net/status_server.hpp"
#include "tests/integration/fleet/kiosk_process.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

extern char** environ;

using namespace kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr const char* kToken = "prom-scrape-token";

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
    socklen_t len = sizeof(a);
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    close(fd);
    return ntohs(a.sin_port);
}

class Kiosk {
  public:
    Kiosk() {
        s_.kiosk_id = "kiosk-prom";
        s_.office_id = "Phường Láng";
        s_.version = "0.1.0";
        s_.printer = {"png:/tmp/t", "ready", "", {}, 0, ""};
        s_.queue = {"sqlite", true, "", 9};
        s_.catalog = {"bundled", "2026-11-01", 150, "never", "", 3};
        s_.last_frame_at = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    }
    health::HealthSnapshot get() {
        std::lock_guard lock(mu_);
        auto copy = s_;
        copy.problems = health::derive_problems(copy);
        return copy;
    }
    template <class F> void change(F f) {
        std::lock_guard lock(mu_);
        f(s_);
    }

  private:
    std::mutex mu_;
    health::HealthSnapshot s_;
};

// Prometheus in its own process, stopped (SIGTERM, then SIGKILL) by the destructor.
class Prometheus {
  public:
    Prometheus(const fs::path& dir, int port) {
        const std::string config = "--config.file=" + (dir / "prometheus.yml").string();
        const std::string storage = "--storage.tsdb.path=" + (dir / "data").string();
        const std::string listen = "--web.listen-address=127.0.0.1:" + std::to_string(port);
        const std::string log = (dir / "prometheus.log").string();
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        std::vector<std::string> args{"prometheus", config, storage, listen, "--log.level=warn"};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawnp(&pid_, "prometheus", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Prometheus() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
            std::this_thread::sleep_for(50ms);
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    [[nodiscard]] bool started() const { return pid_ > 0; }

  private:
    pid_t pid_ = -1;
};

// The shipped configuration with test-sized intervals, this test's target and its token.
fs::path prepare(const fs::path& dir, int kiosk_port) {
    const fs::path shipped = fs::path(KIOSK_TEST_DATA_DIR) / "../deploy/prometheus";
    fs::create_directories(dir / "targets");
    std::string config = read_text(shipped / "prometheus.yml");
    config =
        std::regex_replace(config, std::regex(R"((scrape|evaluation)_interval: 15s)"), "$1_interval: 1s");
    config = std::regex_replace(config, std::regex(R"(scrape_timeout: 10s)"), "scrape_timeout: 1s");
    config = std::regex_replace(config, std::regex(R"(refresh_interval: 1m)"), "refresh_interval: 1s");
    std::ofstream(dir / "prometheus.yml") << config;
    std::string rules = read_text(shipped / "motcua-kiosk.rules.yml");
    rules = std::regex_replace(rules, std::regex(R"(for: \d+[smh])"), "for: 2s");
    std::ofstream(dir / "motcua-kiosk.rules.yml") << rules;
    std::ofstream(dir / "motcua-kiosk.token") << kToken;
    std::ofstream(dir / "targets/test.json")
        << R"([{"targets": ["127.0.0.1:)" << kiosk_port << R"("], "labels": {"ward": "test"}}])";
    return dir;
}

// Polls `fn` every 250 ms until it is true or `limit` passes.
template <class F> bool eventually(std::chrono::seconds limit, F fn) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (fn()) return true;
        std::this_thread::sleep_for(250ms);
    }
    return fn();
}

// Prometheus's HTTP API on `port`: one instant value of an expression, and whether an alert is firing.
class PrometheusApi {
  public:
    explicit PrometheusApi(int port) : api_("127.0.0.1", port) {
        api_.set_connection_timeout(1, 0);
        api_.set_read_timeout(2, 0);
    }
    std::optional<double> query(const std::string& expr) {
        auto r = api_.Get("/api/v1/query", httplib::Params{{"query", expr}}, httplib::Headers{});
        if (!r || r->status != 200) return std::nullopt;
        auto j = nlohmann::json::parse(r->body, nullptr, false);
        if (j.is_discarded() || j["data"]["result"].empty()) return std::nullopt;
        return std::stod(j["data"]["result"][0]["value"][1].get<std::string>());
    }
    bool firing(const std::string& name) {
        auto r = api_.Get("/api/v1/alerts");
        if (!r || r->status != 200) return false;
        auto j = nlohmann::json::parse(r->body, nullptr, false);
        if (j.is_discarded()) return false;
        for (const auto& a : j["data"]["alerts"])
            if (a["labels"]["alertname"] == name && a["state"] == "firing") return true;
        return false;
    }

  private:
    httplib::Client api_;
};

// A citizen taking a ticket for "Chứng thực" (no priority question) and leaving the ticket screen, `times`
// times, a few seconds apart; the kiosk is killed by the test long before the script ends.
std::string ticket_sessions(int times) {
    std::string script = "wait 1000\n";
    for (int i = 0; i < times; ++i)
        script += "tap \"Lấy số thứ tự\"\ntap \"Chứng thực\"\ntap \"Xong\"\nwait 1500\n";
    return script;
}

} // namespace

TEST(Prometheus, ShippedRulesAndConfigPassPromtool) {
    const fs::path shipped = fs::path(KIOSK_TEST_DATA_DIR) / "../deploy/prometheus";
    const std::string rules =
        "promtool check rules '" + (shipped / "motcua-kiosk.rules.yml").string() + "' >/dev/null";
    EXPECT_EQ(std::system(rules.c_str()), 0);
}

TEST(Prometheus, ScrapesTheKioskAndFiresAlertsWhenThePrinterFails) {
    Kiosk kiosk;
    net::StatusServerOptions o;
    o.port = 0;
    o.token = kToken;
    auto server = net::StatusServer::start(o, [&] { return kiosk.get(); });
    ASSERT_TRUE(server.ok()) << server.error().message;

    const fs::path dir = fs::temp_directory_path() / ("kiosk-prometheus-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    prepare(dir, (*server)->port());
    const int port = free_port();
    Prometheus prometheus(dir, port);
    ASSERT_TRUE(prometheus.started());

    PrometheusApi api(port);
    auto query = [&](const std::string& expr) { return api.query(expr); };
    auto firing = [&](const std::string& name) { return api.firing(name); };

    ASSERT_TRUE(eventually(40s, [&] { return query("motcua_kiosk_up") == 1.0; }))
        << "Prometheus never scraped the kiosk; log:\n"
        << read_text(dir / "prometheus.log");
    EXPECT_EQ(query(R"(motcua_kiosk_info{kiosk_id="kiosk-prom"})"), 1.0);
    EXPECT_EQ(query("motcua_kiosk_tickets_issued_today"), 9.0);
    EXPECT_FALSE(firing("KioskPrinterFault"));

    kiosk.change([](health::HealthSnapshot& s) { s.queue.issued_today = 12; });
    EXPECT_TRUE(eventually(15s, [&] { return query("motcua_kiosk_tickets_issued_today") == 12.0; }))
        << "the ticket count did not move";

    kiosk.change([](health::HealthSnapshot& s) {
        s.printer.fault = "out_of_paper";
        s.printer.state = "stopped";
        s.printer.print_failures_today = 3;
    });
    EXPECT_TRUE(eventually(30s, [&] { return firing("KioskPrinterFault"); })) << "no printer alert";
    EXPECT_TRUE(eventually(10s, [&] { return firing("KioskOutOfPaper"); })) << "no out-of-paper alert";
    EXPECT_TRUE(eventually(10s, [&] { return firing("KioskPrintFailuresRising"); }));
    EXPECT_FALSE(firing("KioskDown"));

    (*server)->stop(); // the kiosk stops answering
    EXPECT_TRUE(eventually(30s, [&] { return firing("KioskDown"); })) << "no KioskDown alert";
    fs::remove_all(dir);
}

TEST(Prometheus, ScrapesAHeadlessKioskSeesTicketsAndAlertsWhenItsPrinterFails) {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-prom-real-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path tickets = dir / "tickets";
    test::KioskProcess kiosk(dir / "kiosk", ticket_sessions(300),
                             {"status.token=" + std::string(kToken), "printer.sink=png",
                              "printer.png_dir=" + tickets.string(), "ui.idle_timeout_s=120"});
    ASSERT_GT(kiosk.pid(), 0);
    const int kiosk_port = kiosk.status_port(60s);
    ASSERT_GT(kiosk_port, 0) << kiosk.log();

    prepare(dir, kiosk_port);
    const int port = free_port();
    Prometheus prometheus(dir, port);
    ASSERT_TRUE(prometheus.started());
    PrometheusApi api(port);

    ASSERT_TRUE(eventually(40s, [&] { return api.query("motcua_kiosk_up") == 1.0; }))
        << "Prometheus never scraped the kiosk; log:\n"
        << read_text(dir / "prometheus.log") << "\nkiosk:\n"
        << kiosk.log();
    EXPECT_EQ(api.query(R"(motcua_kiosk_printer_ok)"), 1.0);
    EXPECT_FALSE(api.firing("KioskPrinterFault"));

    // The script issues tickets: Prometheus sees the count rise, and rise again (it follows the kiosk).
    std::optional<double> first;
    ASSERT_TRUE(eventually(60s,
                           [&] {
                               first = api.query("motcua_kiosk_tickets_issued_today");
                               return first && *first >= 1.0;
                           }))
        << "no ticket counted; kiosk:\n"
        << kiosk.log();
    EXPECT_TRUE(eventually(60s,
                           [&] {
                               auto now = api.query("motcua_kiosk_tickets_issued_today");
                               return now && *now > *first;
                           }))
        << "the ticket count did not move past " << *first;
    std::error_code ec;
    EXPECT_GE(std::distance(fs::directory_iterator(tickets, ec), fs::directory_iterator()), 1)
        << "tickets were counted but no PNG was printed";
    EXPECT_FALSE(api.firing("KioskPrintFailuresRising"));

    // The printer fails: its folder becomes a file, so every later print fails (io_error), also for root.
    fs::rename(tickets, dir / "tickets-printed");
    std::ofstream(tickets) << "not a folder";
    EXPECT_TRUE(eventually(60s, [&] { return api.firing("KioskPrinterFault"); }))
        << "no printer alert; printer_ok=" << api.query("motcua_kiosk_printer_ok").value_or(-1)
        << "\nkiosk:\n"
        << kiosk.log();
    EXPECT_TRUE(eventually(60s, [&] { return api.firing("KioskPrintFailuresRising"); }))
        << "print failures today: " << api.query("motcua_kiosk_print_failures_today").value_or(-1);
    EXPECT_NE(kiosk.log().find("queue.print_failed"), std::string::npos)
        << "the kiosk did not log the failure";
    EXPECT_FALSE(api.firing("KioskDown"));
    EXPECT_EQ(kiosk.log().find("script.step_failed"), std::string::npos) << "the UI sessions went wrong:\n"
                                                                         << kiosk.log();

    kill(kiosk.pid(), SIGKILL); // a power cut
    EXPECT_TRUE(eventually(30s, [&] { return api.firing("KioskDown"); })) << "no KioskDown alert";
    fs::remove_all(dir);
}
