#pragma once
// GatewayClient: the city gateway's REST API over HTTPS (see GATEWAY_API.md): dossier lookup
// (GET {base}/v1/dossiers/{code}) as a DossierSource, and the procedure catalog (GET {base}/v1/catalog)
// with ETag / If-None-Match as a catalog::CatalogFetcher. Every call is bounded by total_timeout_ms in all
// (attempts and back-off included); transient failures (refused, connect timeout, transport, 502/503/504) are
// retried at most `retries` times, nothing else is. Responses are validated strictly. Plain http is accepted
// only for a loopback host (tests, a local proxy). It does not cache or follow redirects. Thread-safe.

#include "kiosk/core/catalog/sync.hpp"
#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/net/http_client.hpp"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::net {

struct GatewayOptions {
    std::string base_url; // e.g. "https://gateway.example.vn/motcua" (no trailing '/' needed)
    std::string token;    // sent as "Authorization: Bearer <token>"; empty: no header
    std::string ca_file;  // empty: system CA store
    long connect_timeout_ms = 3000;
    long total_timeout_ms = 8000; // whole call, retries and back-off included
    std::size_t max_response_bytes = 1 << 20;
    int retries = 2;       // extra attempts after the first, 0..5
    long backoff_ms = 300; // before retry n (1-based): backoff_ms * 2^(n-1)
};

class GatewayClient final : public dossier::DossierSource, public catalog::CatalogFetcher {
  public:
    // Checks the options (URL scheme and host, token characters, ranges); errors have kind "config".
    [[nodiscard]] static Result<std::unique_ptr<GatewayClient>> create(GatewayOptions options);

    // Error kinds: see DossierSource; the code in the body must equal the requested code.
    [[nodiscard]] Result<dossier::Dossier> lookup(const dossier::DossierCode& code) override;

    // GET {base}/v1/catalog with If-None-Match (omitted when empty): not_modified on 304, the body and ETag
    // on 200 (application/json only), otherwise an error with the same kinds as lookup().
    [[nodiscard]] catalog::FetchResult fetch(std::string_view if_none_match) override;

  private:
    GatewayClient(GatewayOptions options, std::string base);
    // One GET with the retry policy; returns the final response (any status) or a transport error.
    [[nodiscard]] Result<HttpResponse>
    get_with_retries(const std::string& path, std::vector<std::pair<std::string, std::string>> headers);

    GatewayOptions options_;
    std::string base_; // base_url without trailing '/'
    HttpClient http_;
};

} // namespace kiosk::net
