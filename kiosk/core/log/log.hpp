#pragma once
// Structured logging for maintainers: a level (syslog priorities, as journald stores them), a short stable
// event code ("status.refused", "heartbeat.failed", ...), a message and named fields. Logger rate-limits
// repeats (the same event and message more than `burst` times within `window` are counted, not written, and
// one "repeated N times" line follows) and redacts every message and field value on the way out: dossier
// codes keep only their unit and last two digits, bearer tokens and `token=` values become "***".
// Callers must still never pass a citizen's name (nothing can recognise a name in free text).
// The sink (journald, stderr, a test double) is chosen by the program; Logger is thread-safe.

#include "kiosk/core/util/clock.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::log {

enum class Level { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

struct Field {
    std::string name; // upper case letters, digits and '_' (journald field rules); others are dropped
    std::string value;
};

struct Entry {
    Level level = Level::info;
    std::string event;
    std::string message;
    std::vector<Field> fields;
};

class Sink {
  public:
    virtual ~Sink() = default;
    virtual void write(const Entry& entry) = 0; // already redacted and rate-limited
};

struct RateLimit {
    int burst = 3;                           // identical entries written per window
    std::chrono::milliseconds window{60000}; // measured on Clock::monotonic_ms()
};

class Logger {
  public:
    Logger(Sink& sink, const Clock& clock, RateLimit limit = {});
    void log(Level level, std::string_view event, std::string_view message, std::vector<Field> fields = {});
    void error(std::string_view event, std::string_view message, std::vector<Field> fields = {}) {
        log(Level::error, event, message, std::move(fields));
    }
    void warning(std::string_view event, std::string_view message, std::vector<Field> fields = {}) {
        log(Level::warning, event, message, std::move(fields));
    }
    void info(std::string_view event, std::string_view message, std::vector<Field> fields = {}) {
        log(Level::info, event, message, std::move(fields));
    }
    // Writes the pending "repeated N times" lines (at exit).
    void flush();

  private:
    struct Repeat {
        std::int64_t window_start = 0;
        int count = 0;
        int suppressed = 0;
        Level level = Level::info;
        std::string event;
    };
    void write_suppressed(const std::string& message, Repeat& r);

    Sink& sink_;
    const Clock& clock_;
    RateLimit limit_;
    std::mutex mutex_;
    std::map<std::string, Repeat> repeats_; // by event + message; bounded (oldest windows dropped)
};

// The masking Logger applies; exposed for tests and for code that formats text for logs itself.
[[nodiscard]] std::string redact(std::string_view text);

} // namespace kiosk::log
