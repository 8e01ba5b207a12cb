#include "kiosk/core/queue/from_config.hpp"

namespace kiosk::queue {

Result<std::vector<Service>> queue_services(const config::Config& c) {
    std::vector<Service> out;
    for (const auto& sc : c.services) {
        Service s;
        s.code = sc.code;
        s.name_vi = sc.name_vi;
        s.name_en = sc.name_en;
        s.prefix = sc.prefix;
        s.priority_prefix = "UT-" + sc.prefix;
        s.range_start = sc.range_start;
        s.range_end = sc.range_end;
        s.counters = sc.counters;
        s.priority_allowed = sc.priority_allowed;
        auto open = parse_local_minute(sc.opens);
        auto close = parse_local_minute(sc.closes);
        if (!open)
            return make_error(open.error().kind, "services." + sc.code + ".opens: " + open.error().message);
        if (!close)
            return make_error(close.error().kind,
                              "services." + sc.code + ".closes: " + close.error().message);
        s.hours = OpeningHours{*open, *close, {}};
        out.push_back(std::move(s));
    }
    if (auto st = validate(out); !st) return st.error();
    return out;
}

} // namespace kiosk::queue
