// Both ticket stores against the same expectations: numbering, ranges, calling order, state changes,
// persistence and concurrent issuing. PostgreSQL runs on a server this test binary starts.
#include "store_fixture.hpp"

#include "kiosk/core/queue/wait_estimate.hpp"

#include <libpq-fe.h>

#include <set>
#include <thread>

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

class StoreTest : public ::testing::TestWithParam<StoreKind> {
  protected:
    TempDir dir;
    StoreTarget target;
    std::unique_ptr<TicketStore> store;
    Service a = service("civil", "A", "UA-");
    Service b = service("land", "B", "UB-");

    void SetUp() override {
        ASSERT_TRUE(make_target(GetParam(), dir, "store", target));
        auto s = target.open();
        ASSERT_TRUE(s.ok()) << s.error().kind << ": " << s.error().message;
        store = std::move(s).value();
    }
    Ticket issue(const Service& s, PriorityKind p = PriorityKind::none, TimePoint at = t0) {
        auto t = store->issue(s, p, at);
        EXPECT_TRUE(t.ok()) << t.error().kind << ": " << t.error().message;
        return t.ok() ? *t : Ticket{};
    }
};

TEST_P(StoreTest, NumbersPerServiceSeriesAndDay) {
    EXPECT_EQ(issue(a).display, "A001");
    EXPECT_EQ(issue(a).display, "A002");
    EXPECT_EQ(issue(b).display, "B001");
    auto p = issue(a, PriorityKind::elderly);
    EXPECT_EQ(p.display, "UA-001");
    EXPECT_TRUE(p.is_priority());
    EXPECT_EQ(p.priority, PriorityKind::elderly);
    EXPECT_EQ(issue(a).display, "A003");
    // 17:00 UTC is midnight in Hanoi: a new office day starts at the range start again.
    auto next_day =
        issue(a, PriorityKind::none, time_point_cast<milliseconds>(sys_days{2025y / 3 / 14} + hours{17}));
    EXPECT_EQ(next_day.display, "A001");
    EXPECT_EQ(next_day.day.iso, "2025-03-15");

    auto today = store->list(store->day_of(t0));
    ASSERT_TRUE(today.ok());
    ASSERT_EQ(today->size(), 5u);
    EXPECT_EQ((*today)[0].state, TicketState::issued);
    EXPECT_EQ((*today)[0].office, target.office);
    EXPECT_EQ((*today)[0].issued_at, t0);
    EXPECT_LT((*today)[0].id, (*today)[1].id);
}

TEST_P(StoreTest, RangeStartEndAndNoWrap) {
    Service s = a;
    s.range_start = 98;
    s.range_end = 100;
    EXPECT_EQ(issue(s).number, 98);
    EXPECT_EQ(issue(s).number, 99);
    EXPECT_EQ(issue(s).display, "A100");
    for (int i = 0; i < 3; ++i) {
        auto r = store->issue(s, PriorityKind::none, t0);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, "queue.error.range_exhausted");
        EXPECT_NE(r.error().message.find("civil"), std::string::npos);
    }
    // Staff widen the range: numbering continues without a gap.
    s.range_end = 200;
    EXPECT_EQ(issue(s).number, 101);
    EXPECT_EQ(store->list(store->day_of(t0))->size(), 4u);
}

TEST_P(StoreTest, CallNextPriorityFirstThenFifo) {
    auto a1 = issue(a);
    auto a2 = issue(a);
    auto u1 = issue(a, PriorityKind::disability);
    auto b1 = issue(b);
    EXPECT_EQ(*store->ahead_of(a1), 1);
    EXPECT_EQ(*store->ahead_of(a2), 2);
    EXPECT_EQ(*store->ahead_of(u1), 0);
    EXPECT_EQ(*store->ahead_of(b1), 0);

    auto c1 = store->call_next("civil", 3, t0 + minutes{1});
    ASSERT_TRUE(c1.ok() && c1->has_value());
    EXPECT_EQ((*c1)->display, "UA-001");
    EXPECT_EQ((*c1)->state, TicketState::called);
    EXPECT_EQ((*c1)->counter, 3);
    EXPECT_EQ(*store->ahead_of(a2), 1);
    auto c2 = store->call_next("civil", 4, t0 + minutes{2});
    EXPECT_EQ((*c2)->display, "A001");
    auto c3 = store->call_next("civil", 3, t0 + minutes{3});
    EXPECT_EQ((*c3)->display, "A002");
    auto none = store->call_next("civil", 3, t0 + minutes{4});
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());

    auto served = store->done((*c1)->id, t0 + minutes{6});
    ASSERT_TRUE(served.ok());
    EXPECT_EQ(served->state, TicketState::served);
    auto again = store->done((*c1)->id, t0 + minutes{7});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, "queue.error.bad_state");
    auto waiting = store->done(b1.id, t0 + minutes{7});
    ASSERT_FALSE(waiting.ok());
    EXPECT_EQ(waiting.error().kind, "queue.error.bad_state");
    auto missing = store->done(987654321, t0);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, "queue.error.ticket_not_found");

    auto times = store->service_times("civil", store->day_of(t0));
    ASSERT_TRUE(times.ok());
    ASSERT_EQ(times->size(), 1u);
    EXPECT_EQ((*times)[0], minutes{5});
}

TEST_P(StoreTest, PrintOutcomesAndVoidsAreRecorded) {
    auto t1 = issue(a);
    auto t2 = issue(a);
    auto t3 = issue(a);
    ASSERT_TRUE(store->mark_printed(t1.id, t0 + seconds{1}).ok());
    ASSERT_TRUE(store->mark_print_failed(t2.id, "out of paper", t0 + seconds{1}).ok());
    ASSERT_TRUE(store->void_ticket(t3.id, "citizen left", t0 + seconds{2}).ok());
    EXPECT_EQ(store->get(t1.id)->state, TicketState::printed);
    EXPECT_TRUE(store->get(t1.id)->printed_at.has_value());
    auto f = store->get(t2.id);
    EXPECT_EQ(f->state, TicketState::print_failed);
    EXPECT_EQ(f->note, "out of paper");
    auto v = store->find(store->day_of(t0), "A003");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->state, TicketState::voided);
    EXPECT_EQ(v->note, "citizen left");
    EXPECT_EQ(store->void_ticket(t3.id, "again", t0).error().kind, "queue.error.bad_state");
    // A voided number is not reused and not called; a print_failed one is still called (it was on screen).
    EXPECT_EQ(issue(a).display, "A004");
    EXPECT_EQ((*store->call_next("civil", 1, t0 + seconds{5}))->display, "A001");
    EXPECT_EQ((*store->call_next("civil", 1, t0 + seconds{6}))->display, "A002");
    EXPECT_EQ((*store->call_next("civil", 1, t0 + seconds{7}))->display, "A004");
    EXPECT_EQ(store->find(store->day_of(t0), "Z999").error().kind, "queue.error.ticket_not_found");
}

TEST_P(StoreTest, PrintedMarkDoesNotUndoACall) {
    auto t1 = issue(a);
    ASSERT_TRUE(store->call_next("civil", 1, t0)->has_value()); // called while still printing
    ASSERT_TRUE(store->mark_printed(t1.id, t0 + seconds{1}).ok());
    EXPECT_EQ(store->get(t1.id)->state, TicketState::called);
}

TEST_P(StoreTest, ConfiguredResetTime) {
    auto s = target.open(3 * 60);
    ASSERT_TRUE(s.ok());
    auto& st = **s;
    // 02:30 Hanoi on the 15th still belongs to the 14th with a 03:00 reset.
    const TimePoint late = time_point_cast<milliseconds>(sys_days{2025y / 3 / 14} + hours{19} + minutes{30});
    auto t = st.issue(a, PriorityKind::none, late);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->day.iso, "2025-03-14");
    auto u = st.issue(a, PriorityKind::none, late + hours{1});
    EXPECT_EQ(u->day.iso, "2025-03-15");
    EXPECT_EQ(u->number, 1);
}

TEST_P(StoreTest, SurvivesReopen) {
    issue(a);
    issue(a);
    store.reset();
    auto again = target.open();
    ASSERT_TRUE(again.ok());
    auto t = (*again)->issue(a, PriorityKind::none, t0);
    EXPECT_EQ(t->display, "A003");
}

TEST_P(StoreTest, ConcurrentStoresNeverShareANumber) {
    constexpr int kThreads = 4, kEach = 40;
    std::vector<std::thread> threads;
    std::vector<std::vector<int>> got(kThreads);
    std::vector<std::string> errors(kThreads);
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] {
            auto s = target.open(); // one connection per "kiosk"
            if (!s) return void(errors[i] = s.error().message);
            for (int k = 0; k < kEach; ++k) {
                auto t = (*s)->issue(k % 3 ? a : b, PriorityKind::none, t0);
                if (!t) return void(errors[i] = t.error().kind + ": " + t.error().message);
                if (t->service == "civil") got[i].push_back(t->number);
            }
        });
    for (auto& t : threads)
        t.join();
    std::set<int> all;
    size_t n = 0;
    for (int i = 0; i < kThreads; ++i) {
        EXPECT_EQ(errors[i], "");
        n += got[i].size();
        all.insert(got[i].begin(), got[i].end());
    }
    EXPECT_EQ(all.size(), n) << "a number was issued twice";
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(*all.begin(), 1);
    EXPECT_EQ(*all.rbegin(), int(n)) << "a number was skipped";
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreTest, ::testing::Values(StoreKind::sqlite, StoreKind::postgres),
                         [](const auto& info) { return kind_name(info.param); });

TEST(PgStore, UnreachableServerGivesAClearError) {
    const int port = free_loopback_port();
    store::PgTicketStoreOptions o;
    o.dsn = "host=127.0.0.1 port=" + std::to_string(port) + " dbname=motcua user=kiosk password=secret";
    o.office = "x";
    o.max_attempts = 2;
    o.retry_delay = milliseconds{10};
    const auto start = steady_clock::now();
    auto s = store::PgTicketStore::open(o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, "queue.error.store_unreachable");
    EXPECT_NE(s.error().message.find("port=" + std::to_string(port)), std::string::npos) << s.error().message;
    EXPECT_EQ(s.error().message.find("secret"), std::string::npos)
        << "password leaked: " << s.error().message;
    EXPECT_LT(steady_clock::now() - start, seconds{15});
}

TEST(PgStore, ReconnectsAfterTheConnectionIsKilled) {
    const std::string dsn = shared_pg_dsn();
    ASSERT_FALSE(dsn.empty());
    store::PgTicketStoreOptions o;
    o.dsn = dsn;
    o.office = unique_office("reconnect");
    o.retry_delay = milliseconds{20};
    auto s = store::PgTicketStore::open(o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    Service a = service("civil", "A", "UA-");
    ASSERT_EQ((*s)->issue(a, PriorityKind::none, t0)->number, 1);
    // Kill every other backend (the store's connection) from an admin connection.
    PGconn* admin = PQconnectdb(dsn.c_str());
    ASSERT_EQ(PQstatus(admin), CONNECTION_OK);
    PGresult* r = PQexec(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> "
                                "pg_backend_pid() AND application_name = 'motcua-kiosk'");
    EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
    PQclear(r);
    PQfinish(admin);
    auto t = (*s)->issue(a, PriorityKind::none, t0);
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->number, 2);
}

} // namespace
