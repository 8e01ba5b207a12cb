#include "kiosk/core/queue/ticket_row.hpp"

#include <charconv>

namespace kiosk::queue {

namespace {
const char* const kNames[kTicketColumnCount] = {
    "id",        "office",    "service", "day",       "series",     "number",
    "display",   "priority",  "state",   "issued_at", "printed_at", "called_at",
    "served_at", "voided_at", "counter", "note",      "check_code"};

bool to_int(const std::string& s, long long& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}
} // namespace

Result<Ticket> ticket_from_row(const TicketRow& row) {
    Ticket t;
    std::string bad;
    auto text = [&](int i) -> std::string { return row[i] ? *row[i] : std::string{}; };
    auto integer = [&](int i) -> std::optional<long long> {
        if (!row[i]) return std::nullopt;
        long long v = 0;
        if (!to_int(*row[i], v) && bad.empty()) bad = std::string(kNames[i]) + " = '" + *row[i] + "'";
        return v;
    };
    auto time = [&](int i) -> std::optional<TimePoint> {
        auto v = integer(i);
        return v ? std::optional<TimePoint>(from_unix_ms(*v)) : std::nullopt;
    };
    t.id = integer(0).value_or(0);
    t.office = text(1);
    t.service = text(2);
    t.day = OfficeDay{text(3)};
    t.series = integer(4).value_or(0) == 1 ? Series::priority : Series::normal;
    t.number = int(integer(5).value_or(0));
    t.display = text(6);
    if (!parse_priority(text(7), t.priority) && bad.empty()) bad = "priority = '" + text(7) + "'";
    if (!parse_state(text(8), t.state) && bad.empty()) bad = "state = '" + text(8) + "'";
    t.issued_at = time(9).value_or(TimePoint{});
    t.printed_at = time(10);
    t.called_at = time(11);
    t.served_at = time(12);
    t.voided_at = time(13);
    if (auto c = integer(14)) t.counter = int(*c);
    t.note = text(15);
    t.check = text(16);
    if (!bad.empty())
        return make_error("queue.error.store_failed", "ticket row has an unreadable column: " + bad);
    return t;
}

} // namespace kiosk::queue
