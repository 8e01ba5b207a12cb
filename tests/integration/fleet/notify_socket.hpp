#pragma once
// A fake systemd notification socket for tests: a unix datagram socket the test binds; collects the state
// lines a process sends with sd_notify(3). Reads are bounded by the timeout given.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::test {

class NotifySocket {
  public:
    explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
        std::filesystem::remove(path_);
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        std::strncpy(a.sun_path, path_.c_str(), sizeof(a.sun_path) - 1);
        ok_ = fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0;
    }
    ~NotifySocket() {
        if (fd_ >= 0) close(fd_);
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // Every message that arrives within `window` (each message may hold several lines).
    [[nodiscard]] std::vector<std::string> collect(std::chrono::milliseconds window) {
        std::vector<std::string> out;
        const auto end = std::chrono::steady_clock::now() + window;
        while (true) {
            const auto left =
                std::chrono::duration_cast<std::chrono::microseconds>(end - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            timeval tv{static_cast<time_t>(left.count() / 1000000),
                       static_cast<suseconds_t>(left.count() % 1000000)};
            setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
            char buf[4096];
            const ssize_t n = recv(fd_, buf, sizeof(buf), 0);
            if (n < 0) break;
            out.emplace_back(buf, static_cast<std::size_t>(n));
        }
        return out;
    }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool ok_ = false;
};

[[nodiscard]] inline int count_lines(const std::vector<std::string>& messages, const std::string& line) {
    int n = 0;
    for (const auto& m : messages) {
        std::size_t start = 0;
        while (start <= m.size()) {
            const auto end = m.find('\n', start);
            if (m.substr(start, end == std::string::npos ? std::string::npos : end - start) == line) ++n;
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return n;
}

} // namespace kiosk::test
