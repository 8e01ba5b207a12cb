#pragma once
// A misbehaving city gateway on 127.0.0.1 (ephemeral port) for the gateway client tests. The first path
// segment picks the behaviour: /ok, /slow, /404, /500, /503, /401, /429, /garbage, /html, /mismatch,
// /huge (50 MB with Content-Length), /huge_chunked (50 MB chunked), /truncated (Content-Length larger than
// what is sent, then close), /flaky (503 twice, then correct), /redirect, /bigheaders (200 KB of headers).
// Every loop here is bounded.

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::test {

inline constexpr std::size_t kHugeTotal = 50u << 20, kHugeChunk = 64u << 10;

inline std::string dossier_json(const std::string& code) {
    return R"({"code":")" + code +
           R"(","status":4,"procedure":{"code":"1.001193","name":"Đăng ký khai sinh"},)"
           R"("applicant_name":"Nguyễn Văn Thử","received_at":"20261008083000","appointment_at":"20261010170000"})";
}

class TestGateway {
  public:
    TestGateway() {
        server_.Get(R"(/(\w+)/v1/dossiers/([^/]+))",
                    [this](const httplib::Request& req, httplib::Response& res) { dossier(req, res); });
        server_.Get(R"(/(\w+)/v1/catalog)", [this](const httplib::Request& req, httplib::Response& res) {
            const std::string mode = req.matches[1];
            if (mode != "ok") {
                // The failure modes behave as for dossiers; the body content does not matter to them.
                dossier(req, res);
                return;
            }
            ++requests;
            if (req.get_header_value("If-None-Match") == "\"v1\"") {
                res.status = 304;
                return;
            }
            res.set_header("ETag", "\"v1\"");
            res.set_content(R"({"format":"motcua-catalog/1"})", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // Bounded wait until the accept loop runs.
        for (int i = 0; i < 500 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ~TestGateway() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        cv_.notify_all();
        server_.stop();
        thread_.join();
    }
    TestGateway(const TestGateway&) = delete;
    TestGateway& operator=(const TestGateway&) = delete;

    [[nodiscard]] std::string base(const std::string& mode) const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + mode;
    }
    [[nodiscard]] int port() const { return port_; }

    std::atomic<int> requests{0};
    // The Authorization header of the latest request (handlers run on several server threads at once).
    [[nodiscard]] std::string last_authorization() const {
        std::lock_guard lock(mutex_);
        return last_authorization_;
    }

  private:
    void dossier(const httplib::Request& req, httplib::Response& res) {
        const int n = ++requests;
        {
            std::lock_guard lock(mutex_);
            last_authorization_ = req.get_header_value("Authorization");
        }
        const std::string mode = req.matches[1];
        const std::string code = req.matches.size() > 2 ? std::string(req.matches[2]) : "H15-261008-0001";
        if (mode == "ok" || (mode == "flaky" && n > 2)) {
            res.set_content(dossier_json(code), "application/json; charset=utf-8");
        } else if (mode == "slow") {
            // Answer only after 5 s (or at shutdown): far beyond the client's timeout.
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::seconds(5), [this] { return stopping_; });
            res.set_content(dossier_json(code), "application/json");
        } else if (mode == "404" || mode == "500" || mode == "503" || mode == "401" || mode == "429" ||
                   mode == "flaky") {
            res.status = mode == "flaky" ? 503 : std::stoi(mode);
            res.set_content(R"({"error":"x"})", "application/json");
        } else if (mode == "garbage") {
            res.set_content("{\"code\": \"" + code + "\", \"status\": 4, \"procedure\": {\"name\": ",
                            "application/json");
        } else if (mode == "html") {
            res.set_content("<html><body>Wi-Fi login</body></html>", "text/html");
        } else if (mode == "mismatch") {
            res.set_content(dossier_json("H15.50.05.13-261008-9999"), "application/json");
        } else if (mode == "bigheaders") {
            for (int i = 0; i < 200; ++i)
                res.set_header("X-Pad-" + std::to_string(i), std::string(1000, 'p'));
            res.set_content(dossier_json(code), "application/json");
        } else if (mode == "redirect") {
            res.set_redirect("http://127.0.0.1:1/elsewhere");
        } else if (mode == "huge" || mode == "huge_chunked") {
            auto provider = [](std::size_t offset, httplib::DataSink& sink) {
                static const std::string chunk(kHugeChunk, ' ');
                if (offset >= kHugeTotal) {
                    sink.done();
                    return true;
                }
                return sink.write(chunk.data(), std::min(kHugeChunk, kHugeTotal - offset));
            };
            if (mode == "huge")
                res.set_content_provider(
                    kHugeTotal, "application/json",
                    [provider](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                        return provider(offset, sink);
                    });
            else
                res.set_chunked_content_provider(
                    "application/json",
                    [provider, sent = std::size_t{0}](std::size_t, httplib::DataSink& sink) mutable {
                        const bool ok = provider(sent, sink);
                        sent += kHugeChunk;
                        return ok;
                    });
        } else if (mode == "truncated") {
            const std::string body = dossier_json(code);
            res.set_content_provider(body.size() + 500, "application/json",
                                     [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                         if (offset == 0) sink.write(body.data(), body.size() / 2);
                                         return false; // abort: the connection closes short of Content-Length
                                     });
        } else {
            res.status = 400;
        }
    }

    httplib::Server server_;
    std::thread thread_;
    int port_ = -1;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::string last_authorization_;
};

// A loopback port with nothing listening on it (bound, read, closed).
inline int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace kiosk::test
