#pragma once
// A throw-away PostgreSQL 15 server for tests: initdb into a temp dir, postgres on a free loopback port with
// its unix socket in that dir, stopped and deleted at the end. As root it runs the server as user "postgres"
// (postgres refuses root). One server per test process, started on first use (see shared_pg()).
// It does not tune or secure the server (trust auth, loopback only).

#include <string>

namespace kiosk::testing {

class PgServer {
  public:
    PgServer() = default;
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // Starts the server; on failure returns false and fills error with what failed and the log.
    bool start(std::string& error);
    void stop();
    [[nodiscard]] const std::string& dsn() const { return dsn_; }
    [[nodiscard]] int port() const { return port_; }

  private:
    std::string dir_, dsn_;
    int port_ = 0;
    bool running_ = false;
};

// The process's shared server (started lazily; the test fails with the reason if it cannot start).
// Returns the DSN, or "" after adding a test failure.
std::string shared_pg_dsn();

// A TCP port on 127.0.0.1 nobody listens on right now.
int free_loopback_port();

} // namespace kiosk::testing
