#include "kiosk/core/queue/office_day.hpp"

#include <cstdio>

namespace kiosk::queue {

using namespace std::chrono;

namespace {
sys_days local_day(TimePoint utc, int shift_minutes) {
    // floor() rounds toward the earlier day also for moments before 1970.
    return floor<days>(utc + kVietnamUtcOffset - minutes{shift_minutes});
}
} // namespace

OfficeDay office_day(TimePoint utc, int reset_minute) {
    const year_month_day ymd{local_day(utc, reset_minute)};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return OfficeDay{buf};
}

int local_minute_of_day(TimePoint utc) {
    const auto local = utc + kVietnamUtcOffset;
    return int(duration_cast<minutes>(local - floor<days>(local)).count());
}

std::string local_clock_text(TimePoint utc) {
    const int minute = local_minute_of_day(utc); // 0..1439
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

int local_weekday(TimePoint utc) {
    return int(weekday{local_day(utc, 0)}.c_encoding());
}

} // namespace kiosk::queue
