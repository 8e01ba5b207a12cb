#pragma once
// Heartbeat: every `interval` a worker thread POSTs a compact status (identity, version, ok, problem codes,
// printer, queue store, catalog age, uptime, last frame; never citizen data, never a token) to
// `{gateway}/v1/kiosks/{kiosk_id}/heartbeat` (kiosk/net/GATEWAY_API.md). While the gateway is down it retries
// with jittered exponential backoff (retry_base · 2^(n-1), capped at max_backoff, each delay drawn from
// [d/2, d]) and returns to the normal interval (± 10 %) after the first success. It owns its thread: the UI
// thread only constructs and destroys it (stop is prompt: the wait is interruptible, a request in flight is
// bounded by the HTTP timeouts). It does not queue missed heartbeats: the next one carries the current state.

#include "kiosk/core/health/health.hpp"
#include "kiosk/core/util/result.hpp"
#include "kiosk/net/http_client.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace kiosk::net {

struct HeartbeatOptions {
    std::string gateway_url; // base, e.g. "https://gw.example.vn"; "/v1/kiosks/..." is appended
    std::string kiosk_id;    // path segment; letters, digits, '-', '_' and '.' only
    std::string token;       // gateway bearer token; empty = none
    HttpOptions http;
    std::chrono::milliseconds interval{60000};
    std::chrono::milliseconds retry_base{5000};
    std::chrono::milliseconds max_backoff{600000};
};

struct HeartbeatStats {
    std::int64_t sent = 0;                 // accepted by the gateway (2xx)
    std::int64_t failed = 0;               // refused, unreachable or non-2xx
    std::int64_t consecutive_failures = 0; // since the last success
    std::string last_error;                // of the last failure; empty after a success
    std::chrono::milliseconds next_delay{0};
};

// The JSON body sent for a snapshot (exposed for tests and the API document).
[[nodiscard]] std::string heartbeat_body(const health::HealthSnapshot& s);

class Heartbeat {
  public:
    using SnapshotFn = std::function<health::HealthSnapshot()>; // thread-safe, cheap (a copy)
    // Called on the heartbeat thread when beats start failing (ok=false, with the error) and when they
    // get through again (ok=true): once per change, never per retry.
    using ChangeFn = std::function<void(bool ok, const std::string& detail)>;

    // Errors: kind "invalid_option" (no gateway URL, bad kiosk id, non-positive intervals).
    [[nodiscard]] static Result<std::unique_ptr<Heartbeat>>
    start(HeartbeatOptions options, SnapshotFn snapshot, ChangeFn on_change = {});
    ~Heartbeat(); // stops and joins
    Heartbeat(const Heartbeat&) = delete;
    Heartbeat& operator=(const Heartbeat&) = delete;

    [[nodiscard]] HeartbeatStats stats() const;
    void stop(); // idempotent

  private:
    struct Impl;
    explicit Heartbeat(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::net
