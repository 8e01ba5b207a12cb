// TicketIssuer: one ticket per tap, the number is recorded before printing and survives a failed print,
// store errors come back as clear error keys. Uses an in-memory TicketStore double.
#include "kiosk/core/queue/memory_ticket_store.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>

using namespace kiosk;
using namespace kiosk::queue;
using namespace std::chrono;

namespace {

using MemoryStore = MemoryTicketStore;

Service civil() {
    Service s;
    s.code = "civil";
    s.prefix = "A";
    s.range_start = 1;
    s.range_end = 3;
    return s;
}

const TimePoint t0 = time_point_cast<milliseconds>(sys_days{2025y / 3 / 14} + hours{2}); // 09:00 local

PrintOutcome printed_ok(const Ticket&) {
    return {true, ""};
}

} // namespace

TEST(TicketIssuer, IssuesPrintsAndRecords) {
    MemoryStore store;
    std::vector<std::string> printed;
    TicketIssuer issuer(store, [&](const Ticket& t) {
        // At print time the ticket is already recorded.
        EXPECT_EQ(store.tickets.size(), size_t(t.id));
        printed.push_back(t.display);
        return PrintOutcome{true, ""};
    });
    auto a = issuer.issue(civil(), PriorityKind::none, t0);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(a->ticket.display, "A001");
    EXPECT_TRUE(a->printed);
    EXPECT_EQ(a->ticket.state, TicketState::printed);
    EXPECT_EQ(store.tickets[0].state, TicketState::printed);
    auto b = issuer.issue(civil(), PriorityKind::none, t0 + seconds{5});
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->ticket.display, "A002");
    EXPECT_EQ(printed, (std::vector<std::string>{"A001", "A002"}));
}

TEST(TicketIssuer, DoubleTapWhileInFlightIssuesOneTicket) {
    MemoryStore store;
    std::promise<void> entered;
    std::promise<void> release;
    auto release_f = release.get_future().share();
    TicketIssuer issuer(store, [&](const Ticket&) {
        entered.set_value();
        release_f.wait(); // the printer is slow
        return PrintOutcome{true, ""};
    });
    auto first =
        std::async(std::launch::async, [&] { return issuer.issue(civil(), PriorityKind::none, t0); });
    entered.get_future().wait();
    EXPECT_TRUE(issuer.busy());
    auto second = issuer.issue(civil(), PriorityKind::none, t0 + milliseconds{150});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().kind, kErrIssuerBusy);
    release.set_value();
    auto r = first.get();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(store.tickets.size(), 1u);
    EXPECT_FALSE(issuer.busy());
}

TEST(TicketIssuer, TapRightAfterAFastIssueIsRefusedThenAllowed) {
    MemoryStore store;
    TicketIssuer issuer(store, printed_ok, IssuerOptions{milliseconds{700}});
    ASSERT_TRUE(issuer.issue(civil(), PriorityKind::none, t0).ok());
    auto tap = issuer.issue(civil(), PriorityKind::none, t0 + milliseconds{200});
    ASSERT_FALSE(tap.ok());
    EXPECT_EQ(tap.error().kind, kErrIssuerBusy);
    EXPECT_TRUE(issuer.issue(civil(), PriorityKind::none, t0 + milliseconds{800}).ok());
    EXPECT_EQ(store.tickets.size(), 2u);
}

TEST(TicketIssuer, PrintFailureKeepsTheNumber) {
    MemoryStore store;
    TicketIssuer issuer(store, [](const Ticket&) { return PrintOutcome{false, "out of paper"}; });
    auto r = issuer.issue(civil(), PriorityKind::none, t0);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->printed);
    EXPECT_EQ(r->print_error, "out of paper");
    EXPECT_EQ(r->ticket.display, "A001");
    EXPECT_EQ(store.tickets[0].state, TicketState::print_failed);
    EXPECT_EQ(store.tickets[0].note, "out of paper");
    // The next citizen gets the next number: A001 is not reused.
    TicketIssuer ok(store, printed_ok);
    EXPECT_EQ(ok.issue(civil(), PriorityKind::none, t0 + seconds{2})->ticket.display, "A002");
}

TEST(TicketIssuer, PrinterExceptionIsAPrintFailure) {
    MemoryStore store;
    TicketIssuer issuer(store, [](const Ticket&) -> PrintOutcome { throw std::runtime_error("usb gone"); });
    auto r = issuer.issue(civil(), PriorityKind::none, t0);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->printed);
    EXPECT_NE(r->print_error.find("usb gone"), std::string::npos);
    EXPECT_EQ(store.tickets[0].state, TicketState::print_failed);
}

TEST(TicketIssuer, StoreErrorIsClearAndNothingPrints) {
    MemoryStore store;
    store.fail_issue = make_error(kErrUnreachable, "cannot connect to PostgreSQL (host=10.0.0.5)");
    int prints = 0;
    TicketIssuer issuer(store, [&](const Ticket&) { return ++prints, PrintOutcome{true, ""}; });
    auto r = issuer.issue(civil(), PriorityKind::none, t0);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "queue.error.store_unreachable");
    EXPECT_NE(r.error().message.find("10.0.0.5"), std::string::npos);
    EXPECT_EQ(prints, 0);
    EXPECT_FALSE(issuer.busy());
    // A failed attempt does not start the double-tap cool-down: the citizen may retry at once.
    store.fail_issue.reset();
    EXPECT_TRUE(issuer.issue(civil(), PriorityKind::none, t0 + milliseconds{100}).ok());
}

TEST(TicketIssuer, RecordFailureAfterPrintStillReturnsTheTicket) {
    MemoryStore store;
    TicketIssuer issuer(store, printed_ok);
    store.fail_mark = make_error(kErrUnreachable, "connection lost");
    auto r = issuer.issue(civil(), PriorityKind::none, t0);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->ticket.display, "A001");
    EXPECT_TRUE(r->printed);
    EXPECT_NE(r->record_warning.find("connection lost"), std::string::npos);
}

TEST(TicketIssuer, RangeExhaustionNeverWraps) {
    MemoryStore store;
    TicketIssuer issuer(store, printed_ok, IssuerOptions{milliseconds{0}});
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(issuer.issue(civil(), PriorityKind::none, t0 + seconds{i})->ticket.number, i);
    auto r = issuer.issue(civil(), PriorityKind::none, t0 + seconds{10});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "queue.error.range_exhausted");
    // Next office day starts again at the range start.
    EXPECT_EQ(issuer.issue(civil(), PriorityKind::none, t0 + hours{24})->ticket.display, "A001");
}

TEST(TicketIssuer, ClosedServiceAndPriorityRules) {
    MemoryStore store;
    TicketIssuer issuer(store, printed_ok, IssuerOptions{milliseconds{0}});
    Service s = civil();
    s.hours = OpeningHours{7 * 60 + 30, 17 * 60, {}};
    auto closed = issuer.issue(s, PriorityKind::none, t0 + hours{10}); // 19:00 local
    ASSERT_FALSE(closed.ok());
    EXPECT_EQ(closed.error().kind, kErrClosed);
    s.priority_allowed = false;
    auto prio = issuer.issue(s, PriorityKind::elderly, t0);
    ASSERT_FALSE(prio.ok());
    EXPECT_EQ(prio.error().kind, kErrPriorityNotAllowed);
    s.priority_allowed = true;
    auto ut = issuer.issue(s, PriorityKind::elderly, t0);
    ASSERT_TRUE(ut.ok());
    EXPECT_EQ(ut->ticket.display, "UT-001");
    EXPECT_TRUE(store.tickets.empty() == false);
}

TEST(QueuePosition, PriorityGoesFirstAndEstimateNeedsData) {
    MemoryStore store;
    TicketIssuer issuer(store, nullptr, IssuerOptions{milliseconds{0}});
    Service s = civil();
    s.range_end = 99;
    s.counters = {1, 2};
    auto a1 = issuer.issue(s, PriorityKind::none, t0)->ticket;
    auto a2 = issuer.issue(s, PriorityKind::none, t0 + seconds{1})->ticket;
    auto u1 = issuer.issue(s, PriorityKind::pregnant, t0 + seconds{2})->ticket;
    EXPECT_EQ(*store.ahead_of(a1), 1); // UT-001
    EXPECT_EQ(*store.ahead_of(a2), 2);
    EXPECT_EQ(*store.ahead_of(u1), 0);
    auto pos = queue_position(store, a2, s, {3});
    ASSERT_TRUE(pos.ok());
    EXPECT_EQ(pos->ahead, 2);
    EXPECT_FALSE(pos->wait.has_value());
    store.times = {minutes{4}, minutes{6}, minutes{5}};
    pos = queue_position(store, a2, s, {3});
    ASSERT_TRUE(pos->wait.has_value());
    EXPECT_EQ(*pos->wait, minutes{5}); // 5 min × 2 ahead / 2 counters
}
