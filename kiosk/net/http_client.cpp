#include "kiosk/net/http_client.hpp"

#include "kiosk/net/curl_tls_error.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace kiosk::net {
namespace {

struct Transfer {
    std::size_t cap = 0;
    std::size_t header_bytes = 0; // counted against the cap too: headers are data a server can inflate
    bool too_large = false;
    HttpResponse response;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->response.body.size() + n > t->cap) {
        t->too_large = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, n);
    return n;
}

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    t->header_bytes += n;
    if (t->header_bytes > t->cap) {
        t->too_large = true;
        return 0;
    }
    const std::string line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t->response.headers.clear(); // a new response (after 100-continue): forget earlier headers
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return n;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = trim(line.substr(colon + 1));
    if (name == "content-length") {
        // Refuse an announced oversize body before a byte of it arrives.
        const auto announced = std::strtoull(value.c_str(), nullptr, 10);
        if (announced > t->cap) {
            t->too_large = true;
            return 0;
        }
    }
    t->response.headers[name] = std::move(value);
    return n;
}

std::string classify(CURLcode rc, bool too_large, bool connected) {
    if (too_large || rc == CURLE_FILESIZE_EXCEEDED) return "too_large";
    if (rc == CURLE_COULDNT_CONNECT) return "refused";
    if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY) return "dns";
    if (rc == CURLE_OPERATION_TIMEDOUT) return connected ? "timeout" : "connect_timeout";
    if (is_tls_error(rc)) return "tls";
    if (rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL) return "bad_url";
    return "transport";
}

struct HandleDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

long tighter(long request_ms, long option_ms) {
    if (request_ms > 0 && (option_ms <= 0 || request_ms < option_ms)) return request_ms;
    return option_ms;
}

} // namespace

struct HttpClient::Impl {
    HttpOptions options;
    explicit Impl(HttpOptions o) : options(std::move(o)) { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~Impl() { curl_global_cleanup(); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

const HttpOptions& HttpClient::options() const {
    return impl_->options;
}

Result<HttpResponse> HttpClient::get(const HttpRequest& request) const {
    return perform(request, nullptr, {});
}

Result<HttpResponse> HttpClient::post(const HttpRequest& request, const std::string& body,
                                      const std::string& content_type) const {
    if (content_type.find_first_of("\r\n") != std::string::npos)
        return make_error("bad_url", "content type contains a line break");
    return perform(request, &body, content_type);
}

Result<HttpResponse> HttpClient::perform(const HttpRequest& request, const std::string* body,
                                         const std::string& content_type) const {
    const bool post = body != nullptr;
    const HttpOptions& opt = impl_->options;
    std::unique_ptr<CURL, HandleDeleter> handle(curl_easy_init());
    if (!handle) return make_error("transport", "curl_easy_init failed");
    CURL* h = handle.get();

    std::unique_ptr<curl_slist, ListDeleter> headers;
    for (const auto& [name, value] : request.headers) {
        // A CR or LF would let a value start a header of its own.
        if (name.find_first_of("\r\n:") != std::string::npos ||
            value.find_first_of("\r\n") != std::string::npos)
            return make_error("bad_url", "header '" + name + "' contains a line break");
        const std::string line = name + ": " + value;
        curl_slist* next = curl_slist_append(headers.get(), line.c_str());
        if (!next) return make_error("transport", "out of memory building headers");
        headers.release();
        headers.reset(next);
    }

    if (post) {
        curl_slist* next = curl_slist_append(headers.get(), ("Content-Type: " + content_type).c_str());
        if (!next) return make_error("transport", "out of memory building headers");
        headers.release();
        headers.reset(next);
    }

    Transfer transfer;
    transfer.cap = opt.max_response_bytes;
    char error_buffer[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1"); // loopback never goes through a proxy
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!opt.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, opt.ca_file.c_str());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     tighter(request.connect_timeout_ms, opt.connect_timeout_ms));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, tighter(request.total_timeout_ms, opt.total_timeout_ms));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opt.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_USERAGENT, opt.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    if (post) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body->data());
    }

    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) {
        curl_off_t connect_us = 0;
        curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
        const std::string kind = classify(rc, transfer.too_large, connect_us > 0);
        std::string message =
            std::string(post ? "POST " : "GET ") + request.url + ": " + curl_easy_strerror(rc);
        if (error_buffer[0]) message += std::string(" (") + error_buffer + ")";
        if (kind == "too_large") message += "; limit " + std::to_string(opt.max_response_bytes) + " bytes";
        return make_error(kind, message);
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    return std::move(transfer.response);
}

} // namespace kiosk::net
