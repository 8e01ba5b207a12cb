#include "kiosk/net/gateway_client.hpp"

#include "kiosk/core/dossier/gateway_response.hpp"

#include <chrono>
#include <thread>

namespace kiosk::net {
namespace {

using Clock = std::chrono::steady_clock;

Error config_error(const std::string& what) {
    return make_error("config", "gateway options: " + what);
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Host part of "scheme://host[:port]/..." in lower case, "" if absent.
std::string host_of(const std::string& url, std::size_t after_scheme) {
    const auto end = url.find_first_of("/?#", after_scheme);
    std::string authority =
        url.substr(after_scheme, end == std::string::npos ? std::string::npos : end - after_scheme);
    if (authority.find('@') != std::string::npos) return "";
    if (!authority.empty() && authority.front() == '[')
        return lower(authority.substr(0, authority.find(']') + 1));
    return lower(authority.substr(0, authority.find(':')));
}

bool retryable_kind(const std::string& kind) {
    return kind == "refused" || kind == "connect_timeout" || kind == "transport";
}

bool retryable_status(long status) {
    return status == 502 || status == 503 || status == 504;
}

// Maps a non-2xx/304 HTTP status to an error kind of DossierSource.
Error status_error(long status, const std::string& what) {
    const std::string msg = what + ": HTTP " + std::to_string(status);
    if (status == 404) return make_error("not_found", msg);
    if (status == 401 || status == 403) return make_error("auth", msg + " (token rejected)");
    if (status == 429) return make_error("rate_limited", msg);
    if (status >= 400 && status < 500) return make_error("bad_request", msg);
    if (status >= 500 && status < 600) return make_error("server", msg);
    return make_error("invalid_response", msg + " (unexpected status; redirects are not followed)");
}

bool is_json(const HttpResponse& r) {
    const auto it = r.headers.find("content-type");
    return it != r.headers.end() && lower(it->second).rfind("application/json", 0) == 0;
}

} // namespace

Result<std::unique_ptr<GatewayClient>> GatewayClient::create(GatewayOptions options) {
    std::string base = options.base_url;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    const std::string scheme = lower(base.substr(0, base.find("://")));
    if (base.find("://") == std::string::npos || (scheme != "https" && scheme != "http"))
        return config_error("base_url '" + options.base_url + "' must start with https://");
    const std::string host = host_of(base, scheme.size() + 3);
    if (host.empty())
        return config_error("base_url '" + options.base_url + "' has no host (or has user info)");
    if (scheme == "http" && host != "127.0.0.1" && host != "localhost" && host != "[::1]")
        return config_error("base_url '" + options.base_url +
                            "': plain http is allowed only for a loopback host");
    if (base.find_first_of("?# \r\n\t") != std::string::npos)
        return config_error("base_url '" + options.base_url +
                            "' must not contain a query, fragment or spaces");
    for (char c : options.token)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
            return config_error("token contains spaces or control characters");
    if (options.connect_timeout_ms <= 0 || options.total_timeout_ms <= 0)
        return config_error("connect_timeout_ms and total_timeout_ms must be > 0");
    if (options.retries < 0 || options.retries > 5) return config_error("retries must be 0..5");
    if (options.backoff_ms < 0 || options.backoff_ms > 10000)
        return config_error("backoff_ms must be 0..10000");
    if (options.max_response_bytes < 1024) return config_error("max_response_bytes must be >= 1024");
    return std::unique_ptr<GatewayClient>(new GatewayClient(std::move(options), std::move(base)));
}

GatewayClient::GatewayClient(GatewayOptions options, std::string base)
    : options_(std::move(options)), base_(std::move(base)),
      http_(HttpOptions{options_.ca_file, options_.connect_timeout_ms, options_.total_timeout_ms,
                        options_.max_response_bytes, "motcua-kiosk"}) {}

Result<HttpResponse>
GatewayClient::get_with_retries(const std::string& path,
                                std::vector<std::pair<std::string, std::string>> headers) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(options_.total_timeout_ms);
    if (!options_.token.empty()) headers.emplace_back("Authorization", "Bearer " + options_.token);
    headers.emplace_back("Accept", "application/json");
    HttpRequest request{base_ + path, std::move(headers), 0, 0};

    std::optional<Result<HttpResponse>> last;
    for (int attempt = 0; attempt <= options_.retries; ++attempt) {
        if (attempt > 0) {
            const auto pause = std::chrono::milliseconds(options_.backoff_ms << (attempt - 1));
            if (Clock::now() + pause >= deadline) break; // no time left for another attempt
            std::this_thread::sleep_for(pause);
        }
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (remaining < 1) break; // curl reads 0 as "no limit": never pass it
        request.total_timeout_ms = remaining;
        request.connect_timeout_ms = std::min<long>(remaining, options_.connect_timeout_ms);
        auto result = http_.get(request);
        const bool again = result ? retryable_status(result->status) : retryable_kind(result.error().kind);
        last.emplace(std::move(result));
        if (!again) break;
    }
    if (!last) return make_error("timeout", "GET " + base_ + path + ": no time left for a first attempt");
    return std::move(*last);
}

Result<dossier::Dossier> GatewayClient::lookup(const dossier::DossierCode& code) {
    const std::string wanted = code.str();
    auto response = get_with_retries("/v1/dossiers/" + wanted, {});
    if (!response) return response.error();
    const std::string what = "dossier " + wanted;
    if (response->status != 200) return status_error(response->status, what);
    if (!is_json(*response))
        return make_error("invalid_response", what + ": response is not application/json");
    auto dossier = dossier::parse_gateway_dossier(response->body);
    if (!dossier) return make_error("invalid_response", what + ": " + dossier.error().message);
    if (dossier->code != code)
        return make_error("code_mismatch", what + ": gateway answered for " + dossier->code.str());
    return dossier;
}

catalog::FetchResult GatewayClient::fetch(std::string_view if_none_match) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!if_none_match.empty()) headers.emplace_back("If-None-Match", std::string(if_none_match));
    auto response = get_with_retries("/v1/catalog", std::move(headers));
    if (!response) return catalog::FetchResult::failed(response.error());
    if (response->status == 304) return catalog::FetchResult::not_modified();
    if (response->status != 200)
        return catalog::FetchResult::failed(status_error(response->status, "catalog"));
    if (!is_json(*response))
        return catalog::FetchResult::failed(
            make_error("invalid_response", "catalog: response is not application/json"));
    const auto it = response->headers.find("etag");
    return catalog::FetchResult::with_body(std::move(response->body),
                                           it == response->headers.end() ? std::string{} : it->second);
}

} // namespace kiosk::net
