#include "kiosk/core/queue/service.hpp"

#include <set>

namespace kiosk::queue {

namespace {
Error invalid(const Service& s, const std::string& field, const std::string& detail) {
    return make_error("queue.error.bad_service", "service '" + s.code + "': " + field + " " + detail);
}
} // namespace

Status validate(const Service& s) {
    if (s.code.empty()) return make_error("queue.error.bad_service", "service code is empty");
    if (s.prefix.empty()) return invalid(s, "prefix", "is empty");
    if (s.range_start < 0 || s.range_end < s.range_start)
        return invalid(s, "range",
                       std::to_string(s.range_start) + ".." + std::to_string(s.range_end) + " is empty");
    if (s.priority_allowed) {
        if (s.priority_prefix.empty()) return invalid(s, "priority_prefix", "is empty");
        if (s.priority_range_start < 0 || s.priority_range_end < s.priority_range_start)
            return invalid(s, "priority range",
                           std::to_string(s.priority_range_start) + ".." +
                               std::to_string(s.priority_range_end) + " is empty");
    }
    if (s.hours) {
        const auto& h = *s.hours;
        if (h.open < 0 || h.close > 24 * 60 || h.open >= h.close)
            return invalid(s, "opening hours",
                           std::to_string(h.open) + "-" + std::to_string(h.close) +
                               " minutes is not a span of a day");
        for (int d : h.weekdays)
            if (d < 0 || d > 6) return invalid(s, "weekday", std::to_string(d) + " is not 0..6");
    }
    return Ok{};
}

Status validate(const std::vector<Service>& services) {
    std::set<std::string> codes, prefixes;
    for (const auto& s : services) {
        if (auto st = validate(s); !st) return st;
        if (!codes.insert(s.code).second)
            return make_error("queue.error.bad_service", "service code '" + s.code + "' is used twice");
        if (!prefixes.insert(s.prefix).second)
            return invalid(s, "prefix", "'" + s.prefix + "' is used by another service");
        if (s.priority_allowed && !prefixes.insert(s.priority_prefix).second)
            return invalid(s, "priority_prefix", "'" + s.priority_prefix + "' is used by another service");
    }
    return Ok{};
}

const Service* find_service(const std::vector<Service>& services, std::string_view code) {
    for (const auto& s : services)
        if (s.code == code) return &s;
    return nullptr;
}

Result<LocalMinute> parse_local_minute(std::string_view t) {
    auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
    if (t.size() != 5 || !digit(0) || !digit(1) || t[2] != ':' || !digit(3) || !digit(4))
        return make_error("queue.error.bad_time", "time '" + std::string(t) + "' is not HH:MM");
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59)
        return make_error("queue.error.bad_time", "time '" + std::string(t) + "' is out of range");
    return h * 60 + m;
}

} // namespace kiosk::queue
