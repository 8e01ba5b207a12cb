#pragma once
// Service: one queue of the office (e.g. "A" = civil status), its ticket prefix, number ranges, counters and
// opening hours, as configured by staff. It is plain data plus validation; it does not allocate numbers
// (TicketStore does) and does not know the time of day (office_day.hpp does).

#include "kiosk/core/util/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::queue {

// Minutes after local (Vietnam) midnight, 0..1439.
using LocalMinute = int;

struct OpeningHours {
    LocalMinute open = 0;        // first minute a ticket may be taken
    LocalMinute close = 24 * 60; // tickets are refused from this minute on
    std::vector<int> weekdays;   // 0 = Sunday .. 6 = Saturday; empty = every day
};

struct Service {
    std::string code;    // stable id, e.g. "civil"; stored with every ticket
    std::string name_vi; // shown on the button and the ticket
    std::string name_en;
    std::string prefix = "A";            // normal tickets: prefix + 3 digits, e.g. "A015"
    std::string priority_prefix = "UT-"; // priority tickets: e.g. "UT-003" (own sequence)
    int range_start = 1;                 // first number of the day
    int range_end = 999;                 // last number of the day; never wraps within a day
    int priority_range_start = 1;
    int priority_range_end = 999;
    std::vector<int> counters;         // counter (quầy) numbers serving this service
    std::optional<OpeningHours> hours; // none = always open
    bool priority_allowed = true;
};

// Checks one service (names the field and value that is wrong).
[[nodiscard]] Status validate(const Service& service);
// Checks a set: each valid, codes unique, display prefixes unique (so "A015" names one ticket per day).
[[nodiscard]] Status validate(const std::vector<Service>& services);

[[nodiscard]] const Service* find_service(const std::vector<Service>& services, std::string_view code);

// "HH:MM" → minutes after midnight; errors name the text.
[[nodiscard]] Result<LocalMinute> parse_local_minute(std::string_view text);

} // namespace kiosk::queue
