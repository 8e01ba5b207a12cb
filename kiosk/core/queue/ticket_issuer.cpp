#include "kiosk/core/queue/ticket_issuer.hpp"

#include <algorithm>
#include <exception>

namespace kiosk::queue {

bool is_open(const Service& service, TimePoint now) {
    if (!service.hours) return true;
    const auto& h = *service.hours;
    if (!h.weekdays.empty() &&
        std::find(h.weekdays.begin(), h.weekdays.end(), local_weekday(now)) == h.weekdays.end())
        return false;
    const int minute = local_minute_of_day(now);
    return minute >= h.open && minute < h.close;
}

TicketIssuer::TicketIssuer(TicketStore& store, PrintFn print, IssuerOptions options)
    : store_(store), print_(std::move(print)), options_(options) {}

Result<IssueOutcome> TicketIssuer::issue(const Service& service, PriorityKind priority, TimePoint now) {
    bool expected = false;
    if (!in_flight_.compare_exchange_strong(expected, true))
        return make_error(kErrIssuerBusy, "a ticket is being issued on this kiosk; request ignored");
    // Released on every return path; records when this issue finished for the cool-down.
    struct Release {
        TicketIssuer& self;
        TimePoint now;
        bool record = false;
        ~Release() {
            if (record) {
                std::lock_guard lock(self.last_mutex_);
                self.last_finished_ = now;
            }
            self.in_flight_.store(false);
        }
    } release{*this, now};

    {
        std::lock_guard lock(last_mutex_);
        if (last_finished_ && now >= *last_finished_ && now - *last_finished_ < options_.cooldown)
            return make_error(kErrIssuerBusy, "a ticket was issued moments ago on this kiosk (double tap?)");
    }
    if (!is_open(service, now))
        return make_error(kErrClosed, "service '" + service.code + "' takes no tickets at local minute " +
                                          std::to_string(local_minute_of_day(now)));
    if (priority != PriorityKind::none && !service.priority_allowed)
        return make_error(kErrPriorityNotAllowed, "service '" + service.code + "' has no priority numbers");

    auto issued = store_.issue(service, priority, now);
    if (!issued) return issued.error();
    release.record = true;

    IssueOutcome out{std::move(issued).value(), true, {}, {}};
    if (!print_) return out;

    PrintOutcome printed;
    try {
        printed = print_(out.ticket);
    } catch (const std::exception& e) {
        printed = PrintOutcome{false, std::string("printer error: ") + e.what()};
    } catch (...) {
        printed = PrintOutcome{false, "printer error: unknown exception"};
    }
    Status recorded = printed.ok ? store_.mark_printed(out.ticket.id, now)
                                 : store_.mark_print_failed(out.ticket.id, printed.reason, now);
    out.printed = printed.ok;
    out.print_error = printed.ok ? std::string{} : printed.reason;
    if (recorded) {
        out.ticket.state = printed.ok ? TicketState::printed : TicketState::print_failed;
        if (printed.ok)
            out.ticket.printed_at = now;
        else
            out.ticket.note = printed.reason;
    } else {
        out.record_warning = recorded.error().kind + ": " + recorded.error().message;
    }
    return out;
}

} // namespace kiosk::queue
