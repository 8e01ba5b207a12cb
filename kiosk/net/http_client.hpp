#pragma once
// HttpClient: one blocking HTTP(S) GET (or a small POST, for heartbeats) with hard limits, for the gateway
// client. TLS peer and host verification are always on (an optional CA file replaces the system store);
// redirects are not followed; only http/https are spoken; a connect timeout, a total timeout and a response
// size cap (the transfer is aborted as soon as it is exceeded) bound every request. Failures come back
// classified. It does not retry, cache, or parse bodies. Thread-safe: each get() uses its own transfer
// handle.

#include "kiosk/core/util/result.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::net {

struct HttpOptions {
    std::string ca_file; // empty: the system CA store
    long connect_timeout_ms = 3000;
    long total_timeout_ms = 8000;
    std::size_t max_response_bytes = 1 << 20;
    std::string user_agent = "motcua-kiosk";
};

struct HttpRequest {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    long total_timeout_ms = 0;   // > 0: tighter limit for this request (never looser than the options)
    long connect_timeout_ms = 0; // > 0: likewise
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names in lower case; a repeated header keeps the last value
};

// Error kinds: "refused", "dns", "connect_timeout" (no connection within the connect timeout),
// "timeout" (connected, but the whole response did not arrive in time), "tls", "too_large",
// "transport" (reset, truncated body, protocol error), "bad_url".
class HttpClient {
  public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    [[nodiscard]] Result<HttpResponse> get(const HttpRequest& request) const;
    // POSTs `body` (same limits; no retry here: a POST may have been applied when it fails).
    [[nodiscard]] Result<HttpResponse> post(const HttpRequest& request, const std::string& body,
                                            const std::string& content_type = "application/json") const;
    [[nodiscard]] const HttpOptions& options() const;

  private:
    [[nodiscard]] Result<HttpResponse> perform(const HttpRequest& request, const std::string* body,
                                               const std::string& content_type) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::net
