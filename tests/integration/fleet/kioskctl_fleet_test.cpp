// `kioskctl health` and `kioskctl fleet`, the real binary against real status servers on loopback: a healthy
// kiosk, one out of paper, one that holds the connection without answering and a closed port. Output lines,
// exit codes, the token rule and the time bound.
#include "kiosk/net/status_server.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out;
};

Run run(const std::string& args) {
    const fs::path kioskctl = fs::path(KIOSK_BINARY_DIR) / "kiosk/cli/kioskctl";
    const std::string cmd =
        "KIOSK_CONFIG=/nonexistent.toml timeout 60 '" + kioskctl.string() + "' " + args + " 2>/dev/null";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    while (auto n = fread(buf.data(), 1, buf.size(), p))
        r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

health::HealthSnapshot kiosk_snapshot(const std::string& id, const std::string& fault) {
    health::HealthSnapshot s;
    s.kiosk_id = id;
    s.version = "0.1.0";
    s.now = 1790000100;
    s.last_frame_at = 1790000088;
    s.printer = {"cups:Kiosk80", fault.empty() ? "idle" : "stopped", fault, {}, 0, ""};
    s.catalog.age_days = 4;
    s.problems = health::derive_problems(s);
    return s;
}

std::unique_ptr<net::StatusServer> serve(health::HealthSnapshot s, const std::string& token) {
    net::StatusServerOptions o;
    o.port = 0;
    o.token = token;
    auto r = net::StatusServer::start(o, [s] { return s; });
    EXPECT_TRUE(r.ok());
    return r.ok() ? std::move(*r) : nullptr;
}

// A listening socket nobody accepts from: connects succeed, no answer ever comes.
struct BlackHole {
    int fd = -1, port = 0;
    BlackHole() {
        fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
        listen(fd, 8);
        socklen_t len = sizeof(a);
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~BlackHole() { close(fd); }
};

int closed_port() {
    BlackHole h; // bound then closed at the end of this scope
    return h.port;
}

std::string url(int port) {
    return "http://127.0.0.1:" + std::to_string(port);
}

} // namespace

TEST(KioskctlHealth, ReadsOneKioskWithAndWithoutTheToken) {
    auto good = serve(kiosk_snapshot("kiosk-a", ""), "tok-a");
    ASSERT_TRUE(good);
    auto r = run("health --url " + url(good->port()) + " --token tok-a");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(
        r.out.find("online  healthy  printer=idle  paper=ok  catalog=4d  version=0.1.0  last_frame=12s ago"),
        std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("tok-a"), std::string::npos) << "the token is printed";

    r = run("health --url " + url(good->port()) + " --token tok-a --json");
    EXPECT_EQ(r.code, 0);
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["online"], true);
    EXPECT_EQ(j["status"]["kiosk_id"], "kiosk-a");

    r = run("health --url " + url(good->port()) + " --token wrong");
    EXPECT_EQ(r.code, 0) << "healthy per /healthz";
    EXPECT_NE(r.out.find("online  healthy"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("token refused"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("kiosk-a"), std::string::npos) << "details leaked without the token";

    EXPECT_EQ(run("health").code, 2);
    EXPECT_EQ(run("health --url").code, 2);
}

TEST(KioskctlFleet, OneLinePerKioskInParallelWithinTheTimeBound) {
    auto good = serve(kiosk_snapshot("kiosk-a", ""), "fleet-token");
    auto paper = serve(kiosk_snapshot("kiosk-b", "out_of_paper"), "own-token");
    ASSERT_TRUE(good && paper);
    BlackHole silent1, silent2, silent3;
    const int closed = closed_port();

    const fs::path file = fs::temp_directory_path() / ("kiosk-fleet-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(file) << "# ward Láng Thượng\n"
                        << url(good->port()) << "\n"
                        << url(paper->port()) << " own-token   # its own token\n\n"
                        << url(silent1.port) << "\n"
                        << url(silent2.port) << "\n"
                        << url(silent3.port) << "\n"
                        << url(closed) << "\n";
    const auto t0 = std::chrono::steady_clock::now();
    auto r = run("fleet '" + file.string() + "' --token fleet-token --timeout-ms 2000");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.code, 1) << "one kiosk is degraded and four are offline";
    EXPECT_LT(ms, 5500) << "three silent kiosks at 2 s each (6 s in a row) must be read in parallel";

    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);
    ASSERT_EQ(lines.size(), 6u) << r.out;
    EXPECT_EQ(lines[0].rfind(url(good->port()) + "  online  healthy", 0), 0u) << lines[0];
    EXPECT_EQ(lines[1].rfind(url(paper->port()) + "  online  DEGRADED  printer=out_of_paper  paper=OUT", 0),
              0u)
        << lines[1];
    EXPECT_NE(lines[1].find("problems=printer.out_of_paper"), std::string::npos) << lines[1];
    EXPECT_NE(lines[2].find("OFFLINE  timeout"), std::string::npos) << lines[2];
    EXPECT_NE(lines[3].find("OFFLINE  timeout"), std::string::npos) << lines[3];
    EXPECT_NE(lines[4].find("OFFLINE  timeout"), std::string::npos) << lines[4];
    EXPECT_NE(lines[5].find("OFFLINE  refused"), std::string::npos) << lines[5];
    for (const auto& l : lines)
        EXPECT_EQ(l.find("token"), std::string::npos) << "a token was printed: " << l;

    std::ofstream(file) << url(good->port()) << "\n";
    r = run("fleet '" + file.string() + "' --token fleet-token --json");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);

    std::ofstream(file) << "ftp://x\n";
    EXPECT_EQ(run("fleet '" + file.string() + "'").code, 2);
    EXPECT_EQ(run("fleet /nonexistent/fleet.txt").code, 2);
    fs::remove(file);
}
