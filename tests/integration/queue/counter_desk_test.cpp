// Counter operations on both real stores: priority policies, skip and return within the window, transfer
// front/back keeping the number, serve, pause, and exactly one event per state change.
#include "desk_fixture.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"
#include "kiosk/store/queue_watcher_open.hpp"

using namespace kiosk;
using namespace kiosk::queue;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

const TimePoint t0 = time_point_cast<milliseconds>(sys_days{2025y / 3 / 14} + hours{2}); // 09:00 Hanoi

Service service(const std::string& code, const std::string& prefix, const std::string& prio_prefix) {
    Service s;
    s.code = code;
    s.prefix = prefix;
    s.priority_prefix = prio_prefix;
    s.counters = {1, 2};
    return s;
}

class DeskTest : public ::testing::TestWithParam<StoreKind> {
  protected:
    TempDir dir;
    StoreTarget target;
    std::unique_ptr<TicketStore> store;
    Service a = service("civil", "A", "UA-");
    Service b = service("land", "B", "UB-");

    void SetUp() override {
        ASSERT_TRUE(make_target(GetParam(), dir, "desk", target));
        auto s = target.open();
        ASSERT_TRUE(s.ok()) << s.error().message;
        store = std::move(s).value();
    }
    std::unique_ptr<CounterDesk> desk(DeskOptions o = {}) {
        auto d = open_desk(target, o);
        EXPECT_TRUE(d.ok()) << d.error().kind << ": " << d.error().message;
        return d.ok() ? std::move(d).value() : nullptr;
    }
    Ticket issue(const Service& s, PriorityKind p = PriorityKind::none) {
        auto t = store->issue(s, p, t0);
        EXPECT_TRUE(t.ok()) << t.error().message;
        return t.ok() ? *t : Ticket{};
    }
    std::string next(CounterDesk& d, int counter, std::vector<std::string> services, TimePoint at = t0) {
        auto t = d.call_next(counter, services, at);
        EXPECT_TRUE(t.ok()) << t.error().kind << ": " << t.error().message;
        if (!t.ok() || !*t) return "-";
        return (*t)->display;
    }
    std::vector<std::string> kinds(CounterDesk& d) {
        auto ev = d.events(store->day_of(t0), 0);
        EXPECT_TRUE(ev.ok()) << ev.error().message;
        std::vector<std::string> out;
        if (ev.ok())
            for (auto& e : *ev)
                out.push_back(e.kind + ":" + e.display);
        return out;
    }
};

} // namespace

TEST_P(DeskTest, StrictPolicyCallsPriorityFirstAndCompletesTheCurrentTicket) {
    auto d = desk();
    ASSERT_TRUE(d);
    issue(a);
    issue(a);
    issue(a, PriorityKind::elderly);
    issue(b);
    EXPECT_EQ(next(*d, 1, {"civil"}), "UA-001");
    EXPECT_EQ(next(*d, 1, {"civil"}), "A001");
    EXPECT_EQ(next(*d, 2, {"civil", "land"}), "A002");
    EXPECT_EQ(next(*d, 1, {"civil"}), "-");
    EXPECT_EQ(next(*d, 2, {"civil", "land"}), "B001");
    auto first = store->find(store->day_of(t0), "UA-001");
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->state, TicketState::served);
    EXPECT_EQ(kinds(*d), (std::vector<std::string>{"call:UA-001", "served:UA-001", "call:A001", "call:A002",
                                                   "served:A001", "served:A002", "call:B001"}));
}

TEST_P(DeskTest, InterleavePolicyTakesOnePriorityAfterEveryNRegular) {
    DeskOptions o;
    o.policy = PriorityPolicy::interleave;
    o.regular_per_priority = 2;
    auto d = desk(o);
    ASSERT_TRUE(d);
    for (int i = 0; i < 4; ++i)
        issue(a);
    issue(a, PriorityKind::elderly);
    issue(a, PriorityKind::pregnant);
    std::vector<std::string> order;
    for (int i = 0; i < 7; ++i)
        order.push_back(next(*d, 1 + i % 2, {"civil"}));
    EXPECT_EQ(order, (std::vector<std::string>{"A001", "A002", "UA-001", "A003", "A004", "UA-002", "-"}));
}

TEST_P(DeskTest, SkippedTicketReturnsToTheFrontWithinTheWindowOnly) {
    DeskOptions o;
    o.skip_return_window = minutes{10};
    auto d = desk(o);
    ASSERT_TRUE(d);
    const auto t1 = issue(a);
    issue(a);
    issue(a);
    ASSERT_EQ(next(*d, 1, {"civil"}), "A001");
    auto s = d->skip(1, t1.id, t0 + minutes{1});
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->state, TicketState::skipped);
    EXPECT_EQ(next(*d, 1, {"civil"}, t0 + minutes{2}), "A002");
    auto back = d->return_skipped(t1.id, t0 + minutes{5});
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_TRUE(is_waiting(back->state));
    EXPECT_EQ(next(*d, 2, {"civil"}, t0 + minutes{6}), "A001"); // front of the line
    ASSERT_TRUE(d->skip(2, t1.id, t0 + minutes{7}).ok());
    auto late = d->return_skipped(t1.id, t0 + minutes{30});
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().kind, kErrBadState);
    // Only the counter that called a ticket may act on it.
    EXPECT_EQ(d->serve(1, t1.id, t0).error().kind, kErrBadState);
}

TEST_P(DeskTest, TransferKeepsTheNumberAndGoesBackOrFront) {
    DeskOptions back_opts;
    back_opts.transfer_position = TransferPosition::back;
    auto d = desk(back_opts);
    ASSERT_TRUE(d);
    const auto t1 = issue(a);
    issue(b);
    issue(b);
    ASSERT_EQ(next(*d, 1, {"civil"}), "A001");
    auto moved = d->transfer(1, t1.id, "land", t0);
    ASSERT_TRUE(moved.ok()) << moved.error().message;
    EXPECT_EQ(moved->display, "A001");
    EXPECT_EQ(moved->service, "land");
    EXPECT_EQ(next(*d, 1, {"civil"}), "-");
    EXPECT_EQ(next(*d, 2, {"land"}), "B001");
    EXPECT_EQ(next(*d, 2, {"land"}), "B002");
    EXPECT_EQ(next(*d, 2, {"land"}), "A001");

    DeskOptions front_opts;
    front_opts.transfer_position = TransferPosition::front;
    auto f = desk(front_opts);
    const auto t2 = issue(a);
    issue(b);
    ASSERT_EQ(next(*f, 3, {"civil"}), "A002");
    ASSERT_TRUE(f->transfer(3, t2.id, "land", t0).ok());
    EXPECT_EQ(next(*f, 2, {"land"}), "A002");
    auto ev = kinds(*f);
    EXPECT_EQ(std::count(ev.begin(), ev.end(), "transfer:A001"), 1);
    EXPECT_EQ(std::count(ev.begin(), ev.end(), "transfer:A002"), 1);
}

TEST_P(DeskTest, RecallServePauseAndTheBoard) {
    auto d = desk();
    ASSERT_TRUE(d);
    const auto t1 = issue(a);
    issue(a);
    issue(b);
    ASSERT_EQ(next(*d, 1, {"civil"}), "A001");
    ASSERT_TRUE(d->recall(1, t1.id, t0 + seconds{30}).ok());
    auto served = d->serve(1, t1.id, t0 + minutes{4});
    ASSERT_TRUE(served.ok());
    EXPECT_EQ(served->state, TicketState::served);
    EXPECT_EQ(d->recall(1, t1.id, t0).error().kind, kErrBadState);
    ASSERT_TRUE(d->set_paused(2, true, t0).ok());
    ASSERT_TRUE(d->set_paused(2, true, t0).ok()); // no change: no second event
    ASSERT_EQ(next(*d, 3, {"land"}), "B001");

    auto board = d->board(t0 + minutes{5}, 8);
    ASSERT_TRUE(board.ok()) << board.error().message;
    ASSERT_EQ(board->desks.size(), 3u);
    EXPECT_FALSE(board->desks[0].current);
    EXPECT_TRUE(board->desks[1].paused);
    ASSERT_TRUE(board->desks[2].current);
    EXPECT_EQ(board->desks[2].current->display, "B001");
    ASSERT_EQ(board->waiting.size(), 1u);
    EXPECT_EQ(board->waiting[0].ticket.display, "A002");
    ASSERT_EQ(board->served.size(), 1u);
    ASSERT_EQ(board->recent_calls.size(), 3u);
    EXPECT_EQ(board->recent_calls[0].display, "B001"); // newest first
    EXPECT_EQ(board->recent_calls[1].kind, "recall");
    EXPECT_EQ(kinds(*d),
              (std::vector<std::string>{"call:A001", "recall:A001", "served:A001", "pause:", "call:B001"}));
}

INSTANTIATE_TEST_SUITE_P(Stores, DeskTest, ::testing::Values(StoreKind::sqlite, StoreKind::postgres),
                         [](const auto& info) { return kind_name(info.param); });

// A watcher on its own connection wakes on a counter's change and otherwise times out (no busy loop).
TEST_P(DeskTest, WatcherWakesOnAChangeFromAnotherConnection) {
    auto d = desk();
    ASSERT_TRUE(d);
    auto w = GetParam() == StoreKind::sqlite ? store::open_sqlite_queue_watcher(target.sqlite_path)
                                             : store::open_pg_queue_watcher(target.dsn, target.office);
    ASSERT_TRUE(w.ok()) << w.error().message;
    auto quiet = (*w)->wait(milliseconds{150});
    ASSERT_TRUE(quiet.ok());
    EXPECT_FALSE(*quiet);
    issue(a);
    ASSERT_EQ(next(*d, 1, {"civil"}), "A001");
    auto woke = (*w)->wait(seconds{5});
    ASSERT_TRUE(woke.ok()) << woke.error().message;
    EXPECT_TRUE(*woke);
}

// The wait estimate counts only open counters: a paused counter does not serve the line.
TEST_P(DeskTest, WaitEstimateUsesOpenCountersAndMeasuredTimes) {
    auto d = desk();
    ASSERT_TRUE(d);
    for (int i = 0; i < 10; ++i)
        issue(a);
    // Five served at counter 1, four minutes each (measured: called → served).
    for (int i = 0; i < 5; ++i) {
        auto t = d->call_next(1, {"civil"}, t0 + minutes{4 * i});
        ASSERT_TRUE(t.ok() && *t);
        ASSERT_TRUE(d->serve(1, (*t)->id, t0 + minutes{4 * i + 4}).ok());
    }
    ASSERT_TRUE(d->set_paused(2, false, t0 + minutes{20}).ok()); // counter 2 opens
    auto last = store->find(store->day_of(t0), "A010");
    ASSERT_TRUE(last.ok());
    const auto at = t0 + minutes{21};
    auto both = queue_position(*store, *last, a, {5}, at);
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_EQ(both->ahead, 4);
    ASSERT_TRUE(both->wait);
    EXPECT_EQ(both->wait->count(), 8); // 4 ahead × 4 min / 2 open counters
    ASSERT_TRUE(d->set_paused(2, true, at).ok());
    auto one = queue_position(*store, *last, a, {5}, at);
    ASSERT_TRUE(one.ok() && one->wait);
    EXPECT_EQ(one->wait->count(), 16); // counter 2 paused: only counter 1 serves
}
