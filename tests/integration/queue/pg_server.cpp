#include "pg_server.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace kiosk::testing {

namespace {
const std::string kBin = "/usr/lib/postgresql/15/bin/";

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs a shell command as the postgres user when we are root.
int run_as_pg(const std::string& cmd) {
    const std::string full = geteuid() == 0 ? "runuser -u postgres -- " + cmd : cmd;
    return std::system(full.c_str());
}
} // namespace

int free_loopback_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

PgServer::~PgServer() {
    stop();
}

bool PgServer::start(std::string& error) {
    char tmpl[] = "/tmp/kiosk-pg-XXXXXX";
    if (!mkdtemp(tmpl)) return error = "mkdtemp failed", false;
    dir_ = tmpl;
    if (geteuid() == 0) {
        passwd* pw = getpwnam("postgres");
        if (!pw) return error = "running as root but there is no 'postgres' user to run the server", false;
        if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
            return error = "chown " + dir_ + " failed", false;
    }
    const std::string log = dir_ + "/server.log";
    if (run_as_pg(kBin + "initdb -D " + dir_ + "/data -A trust -U postgres -E UTF8 --no-sync >" + dir_ +
                  "/initdb.log 2>&1") != 0)
        return error = "initdb failed: " + read_file(dir_ + "/initdb.log"), false;
    for (int attempt = 0; attempt < 5 && !running_; ++attempt) {
        port_ = free_loopback_port();
        const std::string opts = "-p " + std::to_string(port_) + " -k " + dir_ +
                                 " -c listen_addresses=127.0.0.1 -c max_connections=60";
        if (run_as_pg(kBin + "pg_ctl -D " + dir_ + "/data -l " + log + " -w -t 30 -o '" + opts + "' start >" +
                      dir_ + "/pg_ctl.log 2>&1") == 0)
            running_ = true;
    }
    if (!running_)
        return error = "postgres did not start: " + read_file(log) + read_file(dir_ + "/pg_ctl.log"), false;
    dsn_ = "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=postgres user=postgres";
    return true;
}

void PgServer::stop() {
    if (running_) {
        (void)run_as_pg(kBin + "pg_ctl -D " + dir_ + "/data -m fast -w -t 30 stop >/dev/null 2>&1");
        running_ = false;
    }
    if (!dir_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        dir_.clear();
    }
}

namespace {
// Owns the process's server so it is stopped after the last test (gtest deletes environments at exit).
class PgEnvironment final : public ::testing::Environment {
  public:
    std::unique_ptr<PgServer> server;
    std::string failure;
    void TearDown() override {
        if (server) server->stop();
    }
};
PgEnvironment* const g_env =
    static_cast<PgEnvironment*>(::testing::AddGlobalTestEnvironment(new PgEnvironment));
} // namespace

std::string shared_pg_dsn() {
    if (!g_env->server && g_env->failure.empty()) {
        auto s = std::make_unique<PgServer>();
        std::string error;
        if (s->start(error))
            g_env->server = std::move(s);
        else
            g_env->failure = error;
    }
    if (!g_env->failure.empty()) {
        ADD_FAILURE() << "could not start the test PostgreSQL server: " << g_env->failure;
        return "";
    }
    return g_env->server->dsn();
}

} // namespace kiosk::testing
