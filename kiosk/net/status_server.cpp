// StatusServer on cpp-httplib; see status_server.hpp.
#include "kiosk/net/status_server.hpp"

#include <httplib.h>

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

namespace kiosk::net {

namespace {

constexpr time_t kTimeoutSec = 2;
constexpr time_t kKeepAliveSec = 1; // scrapers poll every 15 s or so: keep-alive buys nothing
constexpr std::size_t kMaxPayload = 4096;
constexpr std::size_t kWorkers = 2;
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

} // namespace

struct StatusServer::Impl {
    StatusServerOptions options;
    SnapshotFn snapshot;
    httplib::Server server;
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
        server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
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

Result<std::unique_ptr<StatusServer>> StatusServer::start(StatusServerOptions options, SnapshotFn snapshot) {
    if (options.port < 0 || options.port > 65535) {
        return make_error("invalid_option",
                          "status server port " + std::to_string(options.port) + " is out of range 0..65535");
    }
    if (!snapshot) return make_error("invalid_option", "status server needs a snapshot function");
    if (options.listen.empty()) return make_error("invalid_option", "status server listen address is empty");

    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    impl->snapshot = std::move(snapshot);
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
