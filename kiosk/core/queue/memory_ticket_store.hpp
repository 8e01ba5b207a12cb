#pragma once
// MemoryTicketStore: the test double of TicketStore. Numbers per service, series and office day like the
// real stores, keeps tickets in a vector, and can be told to fail issue() or the mark_* calls. Every call
// takes one mutex, so a feature's worker may use it while a test reads `tickets`. call_next() and done()
// are minimal (no counter logic); it is not durable.

#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

namespace kiosk::queue {

class MemoryTicketStore final : public TicketStore {
  public:
    std::optional<Error> fail_issue, fail_mark;
    std::vector<Ticket> tickets;
    std::vector<std::chrono::milliseconds> times;
    std::mutex m;

    [[nodiscard]] Result<Ticket> issue(const Service& s, PriorityKind p, TimePoint now) override {
        std::lock_guard l(m);
        if (fail_issue) return *fail_issue;
        const bool prio = p != PriorityKind::none;
        auto& last = counters_[{s.code, day_of(now).iso, prio}];
        const int next = last == 0 ? (prio ? s.priority_range_start : s.range_start) : last + 1;
        if (next > (prio ? s.priority_range_end : s.range_end)) return make_error(kErrRangeExhausted, s.code);
        last = next;
        Ticket t;
        t.id = static_cast<std::int64_t>(tickets.size()) + 1;
        t.office = "o";
        t.service = s.code;
        t.day = day_of(now);
        t.series = prio ? Series::priority : Series::normal;
        t.number = next;
        t.display = display_text(prio ? s.priority_prefix : s.prefix, next);
        t.priority = p;
        t.issued_at = now;
        t.check = "MEM"; // deterministic in tests: "MEM" + the id in the check alphabet
        for (std::int64_t v = t.id, i = 0; i < 3; ++i, v /= 31)
            t.check += "23456789ABCDEFGHJKMNPQRSTUVWXYZ"[v % 31];
        tickets.push_back(t);
        return t;
    }
    [[nodiscard]] Status mark_printed(std::int64_t id, TimePoint) override {
        return mark(id, TicketState::printed, "");
    }
    [[nodiscard]] Status mark_print_failed(std::int64_t id, const std::string& r, TimePoint) override {
        return mark(id, TicketState::print_failed, r);
    }
    [[nodiscard]] Status void_ticket(std::int64_t id, const std::string& r, TimePoint) override {
        return mark(id, TicketState::voided, r);
    }
    [[nodiscard]] Result<std::optional<Ticket>> call_next(const std::string&, int, TimePoint) override {
        return std::optional<Ticket>{};
    }
    [[nodiscard]] Result<Ticket> done(std::int64_t, TimePoint) override {
        return make_error(kErrNotFound, "");
    }
    [[nodiscard]] Result<Ticket> get(std::int64_t id) override {
        std::lock_guard l(m);
        if (id < 1 || id > static_cast<std::int64_t>(tickets.size())) return make_error(kErrNotFound, "");
        return tickets[static_cast<std::size_t>(id - 1)];
    }
    [[nodiscard]] Result<Ticket> find(const OfficeDay& day, const std::string& display) override {
        std::lock_guard l(m);
        for (const auto& t : tickets)
            if (t.day == day && t.display == display) return t;
        return make_error(kErrNotFound, "");
    }
    [[nodiscard]] Result<std::vector<Ticket>> list(const OfficeDay&) override {
        std::lock_guard l(m);
        return tickets;
    }
    [[nodiscard]] Result<int> ahead_of(const Ticket& t) override {
        std::lock_guard l(m);
        return static_cast<int>(std::count_if(tickets.begin(), tickets.end(), [&](const Ticket& o) {
            return o.service == t.service && is_waiting(o.state) &&
                   (o.series > t.series || (o.series == t.series && o.id < t.id));
        }));
    }
    [[nodiscard]] Result<std::vector<std::chrono::milliseconds>> service_times(const std::string&,
                                                                               const OfficeDay&) override {
        std::lock_guard l(m);
        return times;
    }
    [[nodiscard]] OfficeDay day_of(TimePoint now) const override { return office_day(now); }

  private:
    Status mark(std::int64_t id, TicketState st, const std::string& note) {
        std::lock_guard l(m);
        if (fail_mark) return *fail_mark;
        if (id < 1 || id > static_cast<std::int64_t>(tickets.size())) return make_error(kErrNotFound, "");
        tickets[static_cast<std::size_t>(id - 1)].state = st;
        tickets[static_cast<std::size_t>(id - 1)].note = note;
        return Ok{};
    }
    std::map<std::tuple<std::string, std::string, bool>, int> counters_;
};

} // namespace kiosk::queue
