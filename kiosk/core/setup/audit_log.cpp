#include "kiosk/core/setup/audit_log.hpp"

#include "kiosk/core/setup/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace kiosk::setup {

AuditLog::AuditLog(std::filesystem::path path, AuditLimits limits)
    : path_(std::move(path)), limits_(limits) {}

std::string scrub_detail(std::string_view detail) {
    std::string out;
    size_t i = 0;
    while (i < detail.size()) {
        unsigned char c = static_cast<unsigned char>(detail[i]);
        if (c >= '0' && c <= '9') {
            size_t j = i;
            while (j < detail.size() && detail[j] >= '0' && detail[j] <= '9')
                ++j;
            // Short numbers (a counter, a timeout, seconds) stay; a run as long as a PIN does not.
            if (j - i >= 4)
                out += "####";
            else
                out.append(detail.substr(i, j - i));
            i = j;
            continue;
        }
        out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
        ++i;
    }
    // "token=..." or "pin=..." values never reach the log.
    for (const char* secret : {"token=", "pin=", "password="}) {
        size_t at = 0;
        while ((at = out.find(secret, at)) != std::string::npos) {
            size_t value = at + std::strlen(secret);
            size_t end = out.find_first_of(" ,;", value);
            out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
            at = value;
        }
    }
    return out;
}

std::string format_audit_line(const AuditEntry& entry) {
    auto vn = entry.at + std::chrono::hours(7);
    std::time_t t = std::chrono::system_clock::to_time_t(vn);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S +07", &tm);
    std::string line = std::string(stamp) + " " + scrub_detail(entry.event);
    if (!entry.detail.empty()) line += " " + scrub_detail(entry.detail);
    return line + "\n";
}

void AuditLog::rotate() {
    std::error_code ec;
    for (int i = limits_.keep; i >= 1; --i) {
        auto from = i == 1 ? path_ : std::filesystem::path(path_.string() + "." + std::to_string(i - 1));
        auto to = std::filesystem::path(path_.string() + "." + std::to_string(i));
        if (std::filesystem::exists(from, ec)) std::filesystem::rename(from, to, ec);
    }
}

Status AuditLog::append(const AuditEntry& entry) {
    std::error_code ec;
    std::filesystem::create_directories(path_.parent_path(), ec);
    auto size = std::filesystem::file_size(path_, ec);
    if (!ec && size >= limits_.max_bytes) rotate();
    std::string line = format_audit_line(entry);
    int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return make_error("io", "cannot open " + path_.string() + ": " + std::strerror(errno));
    // One write call per line: with O_APPEND lines never interleave.
    ssize_t n = ::write(fd, line.data(), line.size());
    bool ok = n == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return make_error("io", "cannot append to " + path_.string());
    return Ok{};
}

std::vector<std::string> AuditLog::tail(size_t count) const {
    std::vector<std::string> lines;
    auto text = read_whole_file(path_);
    if (!text || !text->has_value()) return lines;
    std::istringstream in(**text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    if (lines.size() > count) lines.erase(lines.begin(), lines.end() - static_cast<long>(count));
    return lines;
}

} // namespace kiosk::setup
