#pragma once
// The set-up audit log: one line per event (set-up opened, wrong PIN, lock, save, undo, import, restart...)
// appended to <state>/setup/audit.log, each written with O_APPEND and fsync'ed. When the file grows past a
// limit it is rotated (audit.log → audit.log.1 → ... → audit.log.<keep>, the oldest dropped). Lines never
// hold a secret: callers pass an event name and plain details (keys changed, never values of secret keys),
// and the writer refuses details that look like a PIN or a token. It does not read the clock itself.

#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::setup {

struct AuditEntry {
    std::chrono::system_clock::time_point at;
    std::string event;  // "pin_wrong", "locked", "opened", "saved", "undone", ...
    std::string detail; // e.g. "ui.language, ui.idle_timeout_s"; no secrets
};

struct AuditLimits {
    std::uintmax_t max_bytes = 256 * 1024;
    int keep = 3; // rotated files kept
};

class AuditLog {
  public:
    explicit AuditLog(std::filesystem::path path, AuditLimits limits = {});
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // Appends one line (rotating first when the file is full).
    [[nodiscard]] Status append(const AuditEntry& entry);
    // The last `count` lines of the current file, newest last.
    [[nodiscard]] std::vector<std::string> tail(size_t count) const;

  private:
    void rotate();
    std::filesystem::path path_;
    AuditLimits limits_;
};

// "2026-11-27 09:30:05 +07 opened first_run" (Vietnam time; the kiosk's office is there).
[[nodiscard]] std::string format_audit_line(const AuditEntry& entry);
// Drops control characters and replaces any run of 4 or more digits or a "token"/"pin" assignment, so a
// mistaken caller cannot write a secret.
[[nodiscard]] std::string scrub_detail(std::string_view detail);

} // namespace kiosk::setup
