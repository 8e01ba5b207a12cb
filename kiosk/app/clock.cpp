#include "kiosk/app/clock.hpp"

#include <SDL.h>

#include <cstdio>

namespace kiosk::app {

std::int64_t KioskClock::monotonic_ms() const {
    return static_cast<std::int64_t>(SDL_GetTicks());
}

bool KioskClock::start_at(const std::string& text) {
    int y, mo, d, h, mi;
    char tail;
    if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) != 5) return false;
    using namespace std::chrono;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h < 0 || h > 23 || mi < 0 || mi > 59) return false;
    start_ = sys_days{ymd} + hours{h} + minutes{mi} - vietnam_offset;
    started_at_ = steady_clock::now();
    return true;
}

ui::ClockView clock_view(kiosk::Clock::time_point utc) {
    using namespace std::chrono;
    auto local = floor<minutes>(utc + vietnam_offset);
    auto days = floor<std::chrono::days>(local);
    year_month_day ymd{days};
    hh_mm_ss hms{local - days};
    ui::ClockView view;
    view.year = static_cast<int>(ymd.year());
    view.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    view.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    view.weekday = static_cast<int>(weekday{days}.c_encoding());
    view.hour = static_cast<int>(hms.hours().count());
    view.minute = static_cast<int>(hms.minutes().count());
    return view;
}

} // namespace kiosk::app
