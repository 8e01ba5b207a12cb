#include "kiosk/net/connection_probe.hpp"

#include "kiosk/net/curl_tls_error.hpp"

#include <curl/curl.h>

#include <memory>

namespace kiosk::net {
namespace {

size_t discard_body(char*, size_t size, size_t count, void* kept) {
    // Keep nothing; stop after 64 KiB (the status line is what matters).
    auto* total = static_cast<size_t*>(kept);
    *total += size * count;
    return *total > 65536 ? 0 : size * count;
}

long ms_of(curl_off_t us) {
    return us > 0 ? static_cast<long>(us / 1000) : 0;
}

} // namespace

bool ProbeReport::ok() const {
    return failed_step() == nullptr && !steps.empty();
}

const ProbeStep* ProbeReport::failed_step() const {
    for (const auto& s : steps)
        if (s.state == ProbeState::failed) return &s;
    return nullptr;
}

ProbeReport probe_gateway(const ProbeOptions& options) {
    ProbeReport report;
    for (const char* name : {"dns", "tcp", "tls", "http"}) {
        ProbeStep step;
        step.name = name;
        report.steps.push_back(step);
    }
    auto& dns = report.steps[0];
    auto& tcp = report.steps[1];
    auto& tls = report.steps[2];
    auto& http = report.steps[3];
    if (options.base_url.empty()) {
        dns.state = ProbeState::failed;
        dns.detail = "no gateway URL is set";
        return report;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    std::unique_ptr<CURL, void (*)(CURL*)> handle(curl_easy_init(), curl_easy_cleanup);
    if (!handle) {
        dns.state = ProbeState::failed;
        dns.detail = "curl_easy_init failed";
        curl_global_cleanup();
        return report;
    }
    CURL* h = handle.get();
    std::string url = options.base_url;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    url += "/v1/catalog";
    curl_slist* headers = nullptr;
    std::string auth = "Authorization: Bearer " + options.token;
    if (!options.token.empty()) headers = curl_slist_append(headers, auth.c_str());
    size_t body_bytes = 0;
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "motcua-kiosk-setup-test");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &discard_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body_bytes);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(headers);

    curl_off_t lookup = 0, connect = 0, app = 0, total = 0;
    long status = 0;
    char* scheme = nullptr;
    curl_easy_getinfo(h, CURLINFO_NAMELOOKUP_TIME_T, &lookup);
    curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect);
    curl_easy_getinfo(h, CURLINFO_APPCONNECT_TIME_T, &app);
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &total);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(h, CURLINFO_SCHEME, &scheme);
    bool https = url.rfind("https://", 0) == 0;
    std::string why = error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
    report.total_ms = ms_of(total);
    handle.reset();
    curl_global_cleanup();

    auto fail = [&](ProbeStep& step) {
        step.state = ProbeState::failed;
        step.detail = why;
    };
    if (rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL) return fail(dns), report;
    if (rc == CURLE_COULDNT_RESOLVE_HOST) return fail(dns), report;
    dns.state = ProbeState::ok;
    dns.ms = ms_of(lookup);
    if (rc == CURLE_COULDNT_CONNECT || (rc == CURLE_OPERATION_TIMEDOUT && connect == 0))
        return fail(tcp), report;
    tcp.state = ProbeState::ok;
    tcp.ms = ms_of(connect - lookup);
    if (!https) {
        tls.state = ProbeState::skipped;
        tls.detail = "plain http (loopback test gateway)";
    } else if (is_tls_error(rc) || (rc != CURLE_OK && app == 0)) {
        return fail(tls), report;
    } else {
        tls.state = ProbeState::ok;
        tls.ms = ms_of(app - connect);
    }
    if (rc != CURLE_OK && rc != CURLE_WRITE_ERROR) return fail(http), report;
    http.ms = ms_of(total - (https ? app : connect));
    http.detail = "HTTP " + std::to_string(status);
    http.state = status >= 200 && status < 400 ? ProbeState::ok : ProbeState::failed;
    if (status == 401 || status == 403) http.detail += " (token refused)";
    (void)scheme;
    return report;
}

} // namespace kiosk::net
