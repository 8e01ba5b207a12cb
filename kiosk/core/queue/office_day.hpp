#pragma once
// The office day a moment belongs to: the Vietnam civil date (UTC+7, no DST) shifted by an optional reset
// time (e.g. "03:00": tickets taken before 03:00 still count for the previous day). Pure functions of a UTC
// time point; they never read the system clock or the TZ database.

#include <chrono>
#include <string>
#include <string_view>

namespace kiosk::queue {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::milliseconds>;

inline constexpr std::chrono::hours kVietnamUtcOffset{7};

// An office day as "YYYY-MM-DD" (sortable text, stored as is).
struct OfficeDay {
    std::string iso;
    friend bool operator==(const OfficeDay&, const OfficeDay&) = default;
};

// reset_minute: minutes after local midnight at which the day turns over (0 = midnight).
[[nodiscard]] OfficeDay office_day(TimePoint utc, int reset_minute = 0);

// Local (UTC+7) minute of the day and weekday (0 = Sunday) of a moment.
[[nodiscard]] int local_minute_of_day(TimePoint utc);
[[nodiscard]] int local_weekday(TimePoint utc);
// "HH:MM" of a moment in Vietnam, for the clocks and call times the counter and the lobby display show.
[[nodiscard]] std::string local_clock_text(TimePoint utc);

[[nodiscard]] inline TimePoint now_ms() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now());
}
[[nodiscard]] inline long long to_unix_ms(TimePoint t) {
    return t.time_since_epoch().count();
}
[[nodiscard]] inline TimePoint from_unix_ms(long long ms) {
    return TimePoint{std::chrono::milliseconds{ms}};
}

} // namespace kiosk::queue
