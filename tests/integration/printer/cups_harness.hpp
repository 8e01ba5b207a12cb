#pragma once
// Test support for printing through a real CUPS (header-only so the integration tests and the print
// benchmark, a single-file program, share it): a private cupsd – own config, spool, logs and port on
// 127.0.0.1, run in the foreground as a child process – and a loopback "thermal printer": a TCP listener that
// records the raw bytes of each job or misbehaves on purpose (stall, disappear mid-job). It never touches the
// system cupsd or /etc/cups. Every wait is bounded in time.

#include "kiosk/core/util/result.hpp"

#include <cups/cups.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::printer::testing {

using namespace std::chrono_literals;

inline std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    for (const char* dir : {"/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/"})
        if (::access((std::string(dir) + name).c_str(), X_OK) == 0) return std::string(dir) + name;
    return name;
}

// Runs a program, waiting at most `timeout`; Ok when it exits 0, else the error has its status and output.
inline Status run_program(const std::vector<std::string>& argv, std::chrono::milliseconds timeout = 10s) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return make_error("io", "pipe failed");
    const std::string path = find_program(argv.at(0));
    const pid_t pid = ::fork();
    if (pid < 0) return make_error("io", "fork failed");
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::dup2(out[1], 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(path.c_str(), args.data());
        ::_exit(127);
    }
    ::close(out[1]);
    std::string output;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        output.append(buf, static_cast<size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    if (done == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return make_error("timeout",
                          path + " did not finish within " + std::to_string(timeout.count()) + " ms");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return make_error("exit", path + " failed (status " + std::to_string(status) + "): " + output);
    return Ok{};
}

inline int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

inline bool port_accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

class PrivateCupsd {
  public:
    // Writes cupsd.conf / cups-files.conf into a fresh /tmp directory, starts `cupsd -f` and waits (≤ 10 s)
    // until it accepts connections. The error says why it did not start, with the tail of its logs.
    [[nodiscard]] static Result<std::unique_ptr<PrivateCupsd>> start() {
        std::unique_ptr<PrivateCupsd> c(new PrivateCupsd);
        char tmpl[] = "/tmp/kiosk-cupsd-XXXXXX";
        if (!::mkdtemp(tmpl)) return make_error("io", "mkdtemp failed: " + std::string(std::strerror(errno)));
        c->dir_ = tmpl;
        ::chmod(tmpl, 0755); // backends run as the unprivileged "lp" user when cupsd runs as root
        for (const char* sub : {"spool", "tmp", "cache", "state", "log", "ppd", "ssl"})
            std::filesystem::create_directories(c->dir_ / sub);
        ::chmod((c->dir_ / "tmp").c_str(), 01777);
        c->port_ = free_loopback_port();
        const std::string d = c->dir_.string();
        std::ofstream(c->dir_ / "cupsd.conf")
            << "Listen 127.0.0.1:" << c->port_ << "\n"
            << "Listen " << d << "/cups.sock\n"
            << "LogLevel info\nBrowsing Off\nWebInterface No\n"
               "DefaultAuthType None\nPreserveJobHistory Yes\n"
               "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
               "<Policy default>\n  <Limit All>\n    Order deny,allow\n"
               "  </Limit>\n</Policy>\n";
        std::ofstream(c->dir_ / "cups-files.conf")
            << "ServerRoot " << d << "\nRequestRoot " << d << "/spool\nTempDir " << d << "/tmp\n"
            << "CacheDir " << d << "/cache\nStateDir " << d << "/state\nErrorLog " << d << "/log/error_log\n"
            << "AccessLog " << d << "/log/access_log\nPageLog " << d << "/log/page_log\n"
            << "Printcap " << d << "/printcap\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
            << "SystemGroup root\n";
        const std::string cupsd = find_program("cupsd");
        const std::string conf = d + "/cupsd.conf", files = d + "/cups-files.conf", out = d + "/log/stdout";
        c->pid_ = ::fork();
        if (c->pid_ < 0) return make_error("io", "fork failed");
        if (c->pid_ == 0) {
            const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                ::dup2(fd, 1);
                ::dup2(fd, 2);
            }
            ::execl(cupsd.c_str(), "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (::waitpid(c->pid_, &status, WNOHANG) == c->pid_) {
                c->pid_ = -1;
                return make_error("cupsd_failed", cupsd + " exited at start (status " +
                                                      std::to_string(status) + "); logs:\n" +
                                                      c->error_log_tail());
            }
            if (port_accepts(c->port_)) return c;
            std::this_thread::sleep_for(20ms);
        }
        return make_error("cupsd_failed", cupsd + " did not listen on 127.0.0.1:" + std::to_string(c->port_) +
                                              " within 10 s; logs:\n" + c->error_log_tail());
    }

    ~PrivateCupsd() {
        stop();
        std::error_code ec;
        if (!dir_.empty() && !std::getenv("KIOSK_KEEP_CUPSD_DIR")) std::filesystem::remove_all(dir_, ec);
    }
    PrivateCupsd(const PrivateCupsd&) = delete;
    PrivateCupsd& operator=(const PrivateCupsd&) = delete;

    [[nodiscard]] std::string server() const { return "127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

    // A raw queue; error policy abort-job so a failed job is dropped instead of stopping the queue.
    [[nodiscard]] Status add_raw_queue(const std::string& name, const std::string& device_uri) {
        return run_program({"lpadmin", "-h", server(), "-p", name, "-E", "-v", device_uri, "-m", "raw", "-o",
                            "printer-error-policy=abort-job"});
    }

    // A CUPS client tool against this server: tool({"cupsdisable", "Q"}) → cupsdisable -h 127.0.0.1:PORT Q.
    [[nodiscard]] Status tool(std::vector<std::string> argv) {
        argv.insert(argv.begin() + 1, {"-h", server()});
        return run_program(argv);
    }

    // Sets printer-state-reasons as a printer driver would (CUPS-Add-Modify-Printer).
    [[nodiscard]] Status set_reasons(const std::string& queue, const std::vector<std::string>& reasons) {
        http_t* http = httpConnect2("127.0.0.1", port_, nullptr, AF_INET, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                                    3000, nullptr);
        if (!http) return make_error("connect", "cannot connect to " + server());
        ipp_t* req = ippNewRequest(IPP_OP_CUPS_ADD_MODIFY_PRINTER);
        const std::string uri = "ipp://localhost/printers/" + queue;
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
        std::vector<const char*> values;
        for (const auto& r : reasons)
            values.push_back(r.c_str());
        if (values.empty()) values.push_back("none");
        ippAddStrings(req, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "printer-state-reasons",
                      static_cast<int>(values.size()), nullptr, values.data());
        ippDelete(cupsDoRequest(http, req, "/admin/"));
        const ipp_status_t st = cupsLastError();
        httpClose(http);
        if (st > IPP_STATUS_OK_CONFLICTING)
            return make_error("ipp", std::string("set reasons: ") + cupsLastErrorString());
        return Ok{};
    }

    // SIGTERM, then SIGKILL after 5 s. Idempotent.
    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        int status = 0;
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(10ms);
        }
        pid_ = -1;
    }

    [[nodiscard]] std::string error_log_tail(size_t bytes = 3000) const {
        std::string all;
        for (const char* f : {"log/stdout", "log/error_log"}) {
            std::ifstream in(dir_ / f);
            std::stringstream ss;
            ss << in.rdbuf();
            all += std::string("--- ") + f + "\n" + ss.str();
        }
        return all.size() > bytes ? all.substr(all.size() - bytes) : all;
    }

  private:
    PrivateCupsd() = default;
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

// A loopback raw-socket printer on 127.0.0.1.
class LoopbackPrinter {
  public:
    enum class Mode {
        record,    // read every byte until the sender closes, then close: a healthy printer
        stall,     // accept, never read, never close: a hung printer
        disappear, // read a little, then reset the connection and stop listening: power lost mid-job
    };

    explicit LoopbackPrinter(Mode mode = Mode::record) : mode_(mode) {
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (mode_ == Mode::disappear) {
            // A small receive window keeps most of the job queued on the sender's side when we vanish.
            const int small = 4096;
            ::setsockopt(listen_fd_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        }
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
            ::listen(listen_fd_, 8) == 0 &&
            ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port_ = ntohs(a.sin_port);
        if (::pipe2(wake_, O_CLOEXEC) != 0) wake_[0] = wake_[1] = -1;
        thread_ = std::thread([this] { run(); });
    }

    ~LoopbackPrinter() {
        stopping_ = true;
        if (wake_[1] >= 0) (void)!::write(wake_[1], "x", 1);
        thread_.join();
        if (listen_fd_ >= 0) ::close(listen_fd_);
        for (int fd : wake_)
            if (fd >= 0) ::close(fd);
    }
    LoopbackPrinter(const LoopbackPrinter&) = delete;
    LoopbackPrinter& operator=(const LoopbackPrinter&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string uri() const { return "socket://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] int connections() const { return connections_.load(); }

    // The next complete job's bytes, or nullopt after `timeout`.
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> wait_job(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, timeout, [this] { return !jobs_.empty(); })) return std::nullopt;
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        return job;
    }

  private:
    // Waits for fd to be readable; false when stopping.
    bool wait_readable(int fd) {
        pollfd p[2] = {{fd, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        while (!stopping_) {
            if (::poll(p, 2, 100) > 0) return !stopping_ && (p[0].revents != 0);
        }
        return false;
    }

    void run() {
        std::vector<int> stalled;
        while (!stopping_ && listen_fd_ >= 0) {
            if (!wait_readable(listen_fd_)) break;
            const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            ++connections_;
            if (mode_ == Mode::stall) {
                stalled.push_back(fd);
                continue;
            }
            std::vector<std::uint8_t> bytes;
            char buf[65536];
            const size_t limit = mode_ == Mode::disappear ? 1000 : SIZE_MAX;
            while (bytes.size() < limit && wait_readable(fd)) {
                const ssize_t n = ::read(fd, buf, std::min(sizeof buf, limit - bytes.size()));
                if (n <= 0) break;
                bytes.insert(bytes.end(), buf, buf + n);
            }
            if (mode_ == Mode::disappear) {
                const linger hard{1, 0}; // close with RST, like a printer that lost power
                ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
                ::close(fd);
                ::close(listen_fd_);
                listen_fd_ = -1; // later retries are refused
                break;
            }
            ::close(fd);
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(bytes));
            cv_.notify_all();
        }
        for (int fd : stalled)
            ::close(fd);
    }

    Mode mode_;
    int listen_fd_ = -1;
    int port_ = 0;
    int wake_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::vector<std::uint8_t>> jobs_;
    std::thread thread_;
};

} // namespace kiosk::printer::testing
