#pragma once
// The set-up Network screen's connection test: one GET of {gateway}/v1/catalog, timed step by step (DNS,
// TCP connect, TLS handshake, HTTP status) so staff see which step failed, not just "no connection". Blocking
// and bounded by the connect and total timeouts: run it on a worker. It does not retry, follow redirects or
// read the body beyond a small cap; TLS verification is always on (the configured CA file or the system's).

#include <string>
#include <vector>

namespace kiosk::net {

struct ProbeOptions {
    std::string base_url; // gateway.url
    std::string token;    // sent as a Bearer token, never logged or returned
    std::string ca_file;
    long connect_timeout_ms = 3000;
    long total_timeout_ms = 8000;
};

enum class ProbeState { ok, failed, skipped, not_reached };

struct ProbeStep {
    std::string name; // "dns" | "tcp" | "tls" | "http"
    ProbeState state = ProbeState::not_reached;
    long ms = -1;       // time this step took; -1 when it did not complete
    std::string detail; // e.g. "HTTP 503", "certificate verify failed"
};

struct ProbeReport {
    std::vector<ProbeStep> steps; // always the four steps, in order
    long total_ms = -1;
    [[nodiscard]] bool ok() const;
    [[nodiscard]] const ProbeStep* failed_step() const; // null when ok
};

[[nodiscard]] ProbeReport probe_gateway(const ProbeOptions& options);

} // namespace kiosk::net
