#pragma once
// MemorySink: a log::Sink that keeps every entry in memory, for tests (the double beside the journald and
// stderr sinks in kiosk/app). Thread-safe: features log from their worker threads. It does not redact or
// rate-limit by itself; Logger has already done both before write() is called.

#include "kiosk/core/log/log.hpp"

#include <mutex>
#include <string_view>
#include <vector>

namespace kiosk::log {

class MemorySink final : public Sink {
  public:
    void write(const Entry& entry) override {
        std::lock_guard lock(mutex_);
        entries_.push_back(entry);
    }
    [[nodiscard]] std::vector<Entry> entries() const {
        std::lock_guard lock(mutex_);
        return entries_;
    }
    // The entries with this event code, in order.
    [[nodiscard]] std::vector<Entry> with_event(std::string_view event) const {
        std::lock_guard lock(mutex_);
        std::vector<Entry> out;
        for (const auto& e : entries_)
            if (e.event == event) out.push_back(e);
        return out;
    }

  private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

// The value of field `name` in `entry`, or empty.
[[nodiscard]] inline std::string field_value(const Entry& entry, std::string_view name) {
    for (const auto& f : entry.fields)
        if (f.name == name) return f.value;
    return {};
}

} // namespace kiosk::log
