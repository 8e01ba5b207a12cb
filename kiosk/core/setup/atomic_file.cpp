#include "kiosk/core/setup/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::setup {
namespace {

std::string sys_error(const std::string& what, const std::filesystem::path& path) {
    return what + " " + path.string() + ": " + std::strerror(errno);
}

Status write_fd_all(int fd, std::string_view contents, const std::filesystem::path& path) {
    size_t done = 0;
    while (done < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return make_error("io", sys_error("cannot write", path));
        done += static_cast<size_t>(n);
    }
    return Ok{};
}

// The rename is only durable once the folder's entry is on disk too.
Status fsync_dir(const std::filesystem::path& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return make_error("io", sys_error("cannot open folder", dir));
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return make_error("io", sys_error("cannot sync folder", dir));
    return Ok{};
}

Status write_replace(const std::filesystem::path& target, std::string_view contents, unsigned mode,
                     const std::function<void(SaveStep)>& observer, SaveStep after_temp) {
    auto tmp = temp_path(target);
    ::unlink(tmp.c_str()); // a temp file from an interrupted save is garbage
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return make_error("io", sys_error("cannot create", tmp));
    ::fchmod(fd, mode); // the umask must not widen or narrow what was asked
    auto written = write_fd_all(fd, contents, tmp);
    if (written && ::fsync(fd) != 0) written = make_error("io", sys_error("cannot sync", tmp));
    ::close(fd);
    if (!written) {
        ::unlink(tmp.c_str());
        return written;
    }
    if (observer) observer(after_temp);
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        auto error = make_error("io", sys_error("cannot rename over", target));
        ::unlink(tmp.c_str());
        return error;
    }
    return fsync_dir(target.parent_path());
}

} // namespace

std::filesystem::path backup_path(const std::filesystem::path& target) {
    auto p = target;
    p += ".bak";
    return p;
}

std::filesystem::path temp_path(const std::filesystem::path& target) {
    auto p = target;
    p += ".tmp";
    return p;
}

Result<std::optional<std::string>> read_whole_file(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::optional<std::string>{};
        return make_error("io", sys_error("cannot open", path));
    }
    std::string text;
    char buffer[8192];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            auto error = make_error("io", sys_error("cannot read", path));
            ::close(fd);
            return error;
        }
        if (n == 0) break;
        text.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return std::optional<std::string>{std::move(text)};
}

Status write_file_atomic(const std::filesystem::path& target, std::string_view contents,
                         const AtomicWrite& how) {
    std::error_code ec;
    if (!target.parent_path().empty()) std::filesystem::create_directories(target.parent_path(), ec);
    if (how.keep_backup) {
        auto previous = read_whole_file(target);
        if (!previous) return previous.error();
        // No previous file: the backup is an empty file, which means "the embedded defaults".
        std::string old = previous->value_or("");
        if (auto saved = write_replace(backup_path(target), old, how.mode, {}, SaveStep::temp_written);
            !saved)
            return saved;
        if (how.observer) how.observer(SaveStep::backup_written);
    }
    if (auto saved = write_replace(target, contents, how.mode, how.observer, SaveStep::temp_written); !saved)
        return saved;
    if (how.observer) how.observer(SaveStep::renamed);
    return Ok{};
}

} // namespace kiosk::setup
