#pragma once
// StatusServer: a small HTTP server on its own thread so maintainers can check a kiosk remotely.
//   GET /healthz  no auth; 200 "ok\n" or 503 "degraded: code1,code2\n" (text/plain)
//   GET /status   JSON health snapshot; needs "Authorization: Bearer <token>" when a token is configured
//   GET /metrics  Prometheus text format 0.0.4; same token rule as /status
//   GET /screenshot.png  the current frame (same token rule), only while no citizen data is on screen, else
//   409
// Anything else is 404 (other methods 405). Requests are bounded: 2 s read/write timeouts, 1 s keep-alive,
// 4 KiB payload limit, 8 KiB of request headers (431), a request rate (429), 2 worker threads (a client that
// stalls mid-request holds one for at most ~3 s). It serves only health data from callbacks: it never reads
// files (no mount points) and never changes kiosk state.
// Policy: a non-loopback address needs a token (start() refuses with kind "policy"); TLS is optional
// (certificate and key files in PEM, through cpp-httplib's OpenSSL server).

#include "kiosk/core/health/health.hpp"
#include "kiosk/core/util/result.hpp"

#include <functional>
#include <memory>
#include <string>

namespace kiosk::net {

struct StatusServerOptions {
    std::string listen = "127.0.0.1"; // address to bind ("0.0.0.0" for every interface)
    int port = 8088;                  // 0 = ephemeral (tests); see StatusServer::port()
    std::string token;                // empty = /status and /metrics need no token (loopback only)
    std::string tls_cert;             // PEM certificate chain file; empty (with tls_key) = plain HTTP
    std::string tls_key;              // PEM private key file
    double rate_per_second = 50;      // sustained requests per second over all clients (token bucket)
    double rate_burst = 200;          // requests allowed at once before 429s start
};

// True for 127.0.0.0/8, ::1 and "localhost": addresses only this machine can reach.
[[nodiscard]] bool is_loopback_address(const std::string& address);

// What /screenshot.png gets from the app.
struct ScreenshotReply {
    enum class Kind { png, citizen_data, unavailable };
    Kind kind = Kind::unavailable;
    std::string png; // the PNG bytes when kind == png
};

class StatusServer {
  public:
    // Called on a server worker thread for every /healthz, /status and /metrics request, possibly from two
    // threads at once. It must be cheap and thread-safe: copy a mutex-protected snapshot, never gather
    // (no printer queries, no database, no network) inside it. An exception from it becomes a 500.
    using SnapshotFn = std::function<health::HealthSnapshot()>;
    // Called on a server worker for /screenshot.png; it may wait (bounded, ≤ 2 s) for the UI thread to read
    // the frame. Empty = /screenshot.png answers 404.
    using ScreenshotFn = std::function<ScreenshotReply()>;

    // Binds and starts serving. Errors: kind "bind" (address:port in use, bad address, no permission),
    // kind "invalid_option" (port out of range, empty snapshot function, only one of cert/key), kind "policy"
    // (non-loopback address without a token), kind "tls" (certificate or key unreadable or not matching).
    [[nodiscard]] static Result<std::unique_ptr<StatusServer>>
    start(StatusServerOptions options, SnapshotFn snapshot, ScreenshotFn screenshot = {});

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
