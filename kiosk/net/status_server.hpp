#pragma once
// StatusServer: a small HTTP server on its own thread so maintainers can check a kiosk remotely.
//   GET /healthz  no auth; 200 "ok\n" or 503 "degraded: code1,code2\n" (text/plain)
//   GET /status   JSON health snapshot; needs "Authorization: Bearer <token>" when a token is configured
//   GET /metrics  Prometheus text format 0.0.4; same token rule as /status
// Anything else is 404 (other methods 405). Requests are bounded: 2 s read/write timeouts, 1 s keep-alive,
// 4 KiB payload limit, 2 worker threads (a client that stalls mid-request holds one for at most ~3 s). It
// serves only health data and never changes kiosk state. It does not do TLS: put it on loopback or a trusted
// office network.

#include "kiosk/core/health/health.hpp"
#include "kiosk/core/util/result.hpp"

#include <functional>
#include <memory>
#include <string>

namespace kiosk::net {

struct StatusServerOptions {
    std::string listen = "127.0.0.1"; // address to bind ("0.0.0.0" for every interface)
    int port = 8088;                  // 0 = ephemeral (tests); see StatusServer::port()
    std::string token;                // empty = /status and /metrics need no token
};

class StatusServer {
  public:
    // Called on a server worker thread for every /healthz, /status and /metrics request, possibly from two
    // threads at once. It must be cheap and thread-safe: copy a mutex-protected snapshot, never gather
    // (no printer queries, no database, no network) inside it. An exception from it becomes a 500.
    using SnapshotFn = std::function<health::HealthSnapshot()>;

    // Binds and starts serving. Errors: kind "bind" (address:port in use, bad address, no permission),
    // kind "invalid_option" (port out of range, empty snapshot function).
    [[nodiscard]] static Result<std::unique_ptr<StatusServer>> start(StatusServerOptions options,
                                                                     SnapshotFn snapshot);

    ~StatusServer(); // stops and joins
    StatusServer(const StatusServer&) = delete;
    StatusServer& operator=(const StatusServer&) = delete;

    [[nodiscard]] int port() const; // the bound port (the real one when options.port was 0)
    // Stops accepting, lets in-flight requests finish (bounded by the timeouts, ≤ ~3 s) and joins.
    // Idempotent.
    void stop();

  private:
    struct Impl;
    explicit StatusServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::net
