#include "kiosk/core/dossier/vn_time.hpp"

#include "kiosk/core/dossier/dossier_code.hpp"

#include <cstdio>

namespace kiosk::dossier {
namespace {

constexpr std::chrono::hours kVnOffset{7};

int digits(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

} // namespace

Result<Seconds> parse_vn_timestamp(std::string_view text) {
    const auto bad = [&](const char* why) {
        return make_error("invalid_timestamp",
                          "'" + std::string(text.substr(0, 40)) + "' is not yyyyMMddHHmmss (" + why + ")");
    };
    if (text.size() != 14) return bad("need 14 digits");
    for (char c : text)
        if (c < '0' || c > '9') return bad("non-digit");
    const int y = digits(text.substr(0, 4)), mo = digits(text.substr(4, 2)), d = digits(text.substr(6, 2));
    const int h = digits(text.substr(8, 2)), mi = digits(text.substr(10, 2)), s = digits(text.substr(12, 2));
    if (y < 1900 || !is_real_date(y, mo, d)) return bad("no such date");
    if (h > 23 || mi > 59 || s > 59) return bad("no such time of day");
    const std::chrono::sys_days day = std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(mo)} /
                                      std::chrono::day{static_cast<unsigned>(d)};
    return Seconds{day} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s} -
           kVnOffset;
}

std::string format_vn_timestamp(Seconds t) {
    const auto local = t + kVnOffset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{local - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string format_vn_date(Seconds t) {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t + kVnOffset)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
    return buf;
}

} // namespace kiosk::dossier
