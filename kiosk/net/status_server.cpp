// StatusServer on cpp-httplib; see status_server.hpp.
#include "kiosk/net/status_server.hpp"

#include <httplib.h>

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string_view>
#include <thread>

namespace kiosk::net {

namespace {

constexpr time_t kTimeoutSec = 2;
constexpr time_t kKeepAliveSec = 1; // scrapers poll every 15 s or so: keep-alive buys nothing
constexpr std::size_t kMaxPayload = 4096;
constexpr std::size_t kWorkers = 2;
constexpr std::size_t kMaxHeaderBytes = 8192; // all request headers together
constexpr std::size_t kMaxHeaders = 50;
constexpr auto kStartWait = std::chrono::seconds(5);

// httplib's default also sets SO_REUSEPORT, which would let a second kiosk process bind the same port
// silently; SO_REUSEADDR alone keeps restarts working after TIME_WAIT and still reports "in use".
void socket_options(socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

// httplib only says "failed": redo the bind on a scratch socket to learn why (in use, bad address, ...).
std::string bind_failure_reason(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* res = nullptr;
    const std::string service = std::to_string(port);
    if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &res); rc != 0) {
        return std::string("address not resolvable: ") + gai_strerror(rc);
    }
    std::string reason = "unknown reason";
    for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
        const int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            reason = std::strerror(errno);
            continue;
        }
        socket_options(fd);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1) != 0) reason = std::strerror(errno);
        close(fd);
    }
    freeaddrinfo(res);
    return reason;
}

bool equal_constant_time(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// "Bearer <token>", scheme case-insensitive (RFC 7235).
bool bearer_matches(const std::string& header, const std::string& token) {
    constexpr std::string_view scheme = "bearer ";
    if (header.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i]) return false;
    }
    std::size_t start = scheme.size();
    while (start < header.size() && header[start] == ' ')
        ++start;
    return equal_constant_time(header.substr(start), token);
}

void set_text(httplib::Response& res, int status, const std::string& body, const char* type) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, type);
}

constexpr const char* kText = "text/plain; charset=utf-8";

// Requests over all clients: a token bucket refilled at `rate` per second up to `burst`.
class RateLimiter {
  public:
    RateLimiter(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}
    [[nodiscard]] bool take() {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
        if (tokens_ < 1.0) return false;
        tokens_ -= 1.0;
        return true;
    }

  private:
    std::mutex mutex_;
    double rate_, burst_, tokens_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

bool readable(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return in.good() && in.peek() != std::ifstream::traits_type::eof();
}

} // namespace

bool is_loopback_address(const std::string& address) {
    if (address == "localhost" || address == "::1" || address == "[::1]") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    return false;
}

struct StatusServer::Impl {
    Impl(StatusServerOptions o, std::unique_ptr<httplib::Server> s)
        : options(std::move(o)), owned_server(std::move(s)), server(*owned_server),
          limiter(options.rate_per_second, options.rate_burst) {}

    StatusServerOptions options;
    SnapshotFn snapshot;
    ScreenshotFn screenshot;
    std::unique_ptr<httplib::Server> owned_server;
    httplib::Server& server;
    RateLimiter limiter;
    std::thread thread;
    std::atomic<bool> finished{false};
    int port = 0;

    [[nodiscard]] bool authorized(const httplib::Request& req) const {
        if (options.token.empty()) return true;
        return bearer_matches(req.get_header_value("Authorization"), options.token);
    }

    void deny(httplib::Response& res) const {
        res.set_header("WWW-Authenticate", "Bearer realm=\"motcua-kiosk\"");
        set_text(res, 401, "unauthorized: send Authorization: Bearer <token>\n", kText);
    }

    void routes() {
        server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!limiter.take()) {
                res.set_header("Retry-After", "1");
                set_text(res, 429, "too many requests: slow down\n", kText);
                return httplib::Server::HandlerResponse::Handled;
            }
            std::size_t header_bytes = req.target.size();
            for (const auto& [name, value] : req.headers)
                header_bytes += name.size() + value.size() + 4;
            if (header_bytes > kMaxHeaderBytes || req.headers.size() > kMaxHeaders) {
                set_text(res, 431, "request headers too large\n", kText);
                return httplib::Server::HandlerResponse::Handled;
            }
            if (req.method == "GET") return httplib::Server::HandlerResponse::Unhandled;
            res.set_header("Allow", "GET");
            set_text(res, 405, "method not allowed: only GET\n", kText);
            return httplib::Server::HandlerResponse::Handled;
        });
        server.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
            const health::HealthSnapshot s = snapshot();
            set_text(res, s.ok() ? 200 : 503, health::render_healthz(s), kText);
        });
        server.Get("/status", [this](const httplib::Request& req, httplib::Response& res) {
            if (!authorized(req)) return deny(res);
            set_text(res, 200, health::render_status_json(snapshot()), "application/json");
        });
        server.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
            if (!authorized(req)) return deny(res);
            set_text(res, 200, health::render_metrics(snapshot()),
                     "text/plain; version=0.0.4; charset=utf-8");
        });
        server.Get("/screenshot.png", [this](const httplib::Request& req, httplib::Response& res) {
            if (!screenshot) {
                res.status = 404;
                return;
            }
            if (!authorized(req)) return deny(res);
            ScreenshotReply shot = screenshot();
            if (shot.kind == ScreenshotReply::Kind::citizen_data)
                return set_text(res, 409, "a citizen is using the kiosk: no screenshot now\n", kText);
            if (shot.kind != ScreenshotReply::Kind::png || shot.png.empty())
                return set_text(res, 503, "no frame available now\n", kText);
            res.status = 200;
            res.set_header("Cache-Control", "no-store");
            res.set_content(std::move(shot.png), "image/png");
        });
        // Called for every status >= 400: fill in bodies httplib leaves empty (400, 404, 413, ...).
        const httplib::Server::HandlerWithResponse on_error = [](const httplib::Request&,
                                                                 httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const std::string body = res.status == 404 ? "not found: try /healthz, /status or /metrics\n"
                                                       : "error " + std::to_string(res.status) + "\n";
            set_text(res, res.status, body, kText);
            return httplib::Server::HandlerResponse::Handled;
        };
        server.set_error_handler(on_error);
        server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            set_text(res, 500, "internal error while taking the health snapshot\n", kText);
        });
    }

    void limits() {
        server.set_read_timeout(kTimeoutSec, 0);
        server.set_write_timeout(kTimeoutSec, 0);
        // Also bounds how long a connected-but-silent client holds one of the two workers (and stop()).
        server.set_keep_alive_timeout(kKeepAliveSec);
        server.set_keep_alive_max_count(20);
        server.set_payload_max_length(kMaxPayload);
        server.set_socket_options(socket_options);
        server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    }

    // Waits (bounded) until the listen loop runs or has ended.
    void wait_running() const {
        const auto deadline = std::chrono::steady_clock::now() + kStartWait;
        while (!server.is_running() && !finished && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    void shutdown() {
        if (!thread.joinable()) return;
        // httplib's stop() is a no-op before the loop runs and must be called once: wait for the loop first.
        wait_running();
        server.stop();
        thread.join();
    }
};

StatusServer::StatusServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

StatusServer::~StatusServer() {
    stop();
}

int StatusServer::port() const {
    return impl_->port;
}

void StatusServer::stop() {
    impl_->shutdown();
}

Result<std::unique_ptr<StatusServer>> StatusServer::start(StatusServerOptions options, SnapshotFn snapshot,
                                                          ScreenshotFn screenshot) {
    if (options.port < 0 || options.port > 65535) {
        return make_error("invalid_option",
                          "status server port " + std::to_string(options.port) + " is out of range 0..65535");
    }
    if (!snapshot) return make_error("invalid_option", "status server needs a snapshot function");
    if (options.listen.empty()) return make_error("invalid_option", "status server listen address is empty");

    if (!is_loopback_address(options.listen) && options.token.empty()) {
        return make_error("policy", "status server refuses to listen on " + options.listen +
                                        " without status.token: anyone on the network could read it; set "
                                        "status.token or listen on 127.0.0.1");
    }
    if (options.tls_cert.empty() != options.tls_key.empty())
        return make_error("invalid_option", "status TLS needs both a certificate and a key file");
    if (options.rate_per_second <= 0 || options.rate_burst < 1)
        return make_error("invalid_option", "status server rate limit must be positive");

    std::unique_ptr<httplib::Server> server;
    if (options.tls_cert.empty()) {
        server = std::make_unique<httplib::Server>();
    } else {
        for (const auto* path : {&options.tls_cert, &options.tls_key}) {
            if (!readable(*path))
                return make_error("tls", "status TLS file " + *path + " is missing or unreadable");
        }
        auto tls = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
        if (!tls->is_valid()) {
            return make_error("tls", "status TLS certificate " + options.tls_cert + " and key " +
                                         options.tls_key + " are not a valid PEM pair");
        }
        server = std::move(tls);
    }
    auto impl = std::make_unique<Impl>(std::move(options), std::move(server));
    impl->snapshot = std::move(snapshot);
    impl->screenshot = std::move(screenshot);
    impl->routes();
    impl->limits();

    const std::string& host = impl->options.listen;
    const int wanted = impl->options.port;
    const std::string where = host + ":" + std::to_string(wanted);
    if (wanted == 0) {
        impl->port = impl->server.bind_to_any_port(host);
        if (impl->port < 0) {
            return make_error("bind",
                              "status server cannot bind " + where + ": " + bind_failure_reason(host, 0));
        }
    } else {
        if (!impl->server.bind_to_port(host, wanted)) {
            return make_error("bind", "status server cannot bind " + where + ": " +
                                          bind_failure_reason(host, wanted));
        }
        impl->port = wanted;
    }

    Impl* raw = impl.get();
    impl->thread = std::thread([raw] {
        raw->server.listen_after_bind();
        raw->finished = true;
    });
    impl->wait_running();
    if (impl->finished) {
        impl->thread.join();
        return make_error("bind", "status server on " + where + " stopped right after starting");
    }
    return std::unique_ptr<StatusServer>(new StatusServer(std::move(impl)));
}

} // namespace kiosk::net
