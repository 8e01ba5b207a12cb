// Six counters calling, skipping, transferring, recalling and serving at once against one store while the
// parent SIGKILLs them at random and starts them again, until 2,000 operations were reported; the parent
// keeps issuing tickets. Each counter reports an operation only after the store committed it. Then the
// day's events are replayed per ticket through the ticket life cycle: no ticket is ever called while
// called (so never by two counters), every change was recorded once (a repeated change would be an
// invalid transition), the replay ends in each ticket's stored state (nothing lost or changed without an
// event), and every reported operation is among the events.
#include "desk_fixture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <random>
#include <sstream>

using namespace kiosk;
using namespace kiosk::queue;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

constexpr int kCounters = 6;
constexpr int kWantedOps = 2000;
constexpr int kMinKills = 30;
constexpr auto kTimeLimit = seconds{180};
const std::vector<std::string> kServices = {"civil", "land", "social"};

TimePoint now_ms() {
    return time_point_cast<milliseconds>(system_clock::now());
}

std::vector<Service> services() {
    std::vector<Service> out;
    const char* codes[][3] = {{"civil", "A", "UA-"}, {"land", "B", "UB-"}, {"social", "C", "UC-"}};
    for (auto& c : codes) {
        Service s;
        s.code = c[0];
        s.prefix = c[1];
        s.priority_prefix = c[2];
        s.range_end = 9999;
        s.priority_range_end = 9999;
        out.push_back(s);
    }
    return out;
}

void report(int fd, const std::string& kind, int counter, std::int64_t id) {
    const std::string line = kind + " " + std::to_string(counter) + " " + std::to_string(id) + "\n";
    // One write below PIPE_BUF is atomic: a kill leaves no half line.
    if (::write(fd, line.data(), line.size()) != ssize_t(line.size())) ::_exit(5);
}

// Counter body: a random mix of operations; busy/contention errors are retried. Never returns.
[[noreturn]] void counter_main(const StoreTarget& target, const DeskOptions& options, int counter, int fd,
                               unsigned seed) {
    std::mt19937 rng(seed);
    auto desk = open_desk(target, options);
    // Opening takes the write lock for its CREATE IF NOT EXISTS; right after a sibling was killed SQLite may
    // report busy here (seen under heavy machine load): retry, bounded, like any busy operation.
    for (int attempt = 0; !desk && desk.error().kind == kErrBusy && attempt < 10; ++attempt)
        desk = open_desk(target, options);
    if (!desk) {
        std::cerr << "counter " << counter << ": " << desk.error().message << "\n";
        ::_exit(3);
    }
    auto& d = **desk;
    std::vector<std::int64_t> skipped;
    auto check = [&](const auto& r) {
        if (r.ok()) return true;
        if (r.error().kind == kErrBusy) return false;
        std::cerr << "counter " << counter << ": " << r.error().kind << ": " << r.error().message << "\n";
        ::_exit(4);
    };
    for (int i = 0; i < 100000; ++i) {
        // Serve several services; each counter a different pair, all three now and then.
        std::vector<std::string> mine{kServices[counter % 3], kServices[(counter + 1) % 3]};
        if (rng() % 4 == 0) mine = kServices;
        auto called = d.call_next(counter, mine, now_ms());
        if (!check(called)) continue;
        if (!*called) {
            ::usleep(2000);
            continue;
        }
        const auto t = **called;
        report(fd, "call", counter, t.id);
        const unsigned roll = rng() % 10;
        if (roll < 3) {
            if (check(d.serve(counter, t.id, now_ms()))) report(fd, "served", counter, t.id);
        } else if (roll < 5) {
            if (check(d.skip(counter, t.id, now_ms()))) {
                report(fd, "skip", counter, t.id);
                skipped.push_back(t.id);
            }
        } else if (roll < 7) {
            std::string to = kServices[rng() % 3];
            if (to == t.service)
                to = kServices[(std::find(kServices.begin(), kServices.end(), to) - kServices.begin() + 1) %
                               3];
            if (check(d.transfer(counter, t.id, to, now_ms()))) report(fd, "transfer", counter, t.id);
        } else if (roll < 8) {
            if (check(d.recall(counter, t.id, now_ms()))) report(fd, "recall", counter, t.id);
        } // else: the next call_next serves it
        if (!skipped.empty() && rng() % 3 == 0) {
            const auto id = skipped[rng() % skipped.size()];
            auto back = d.return_skipped(id, now_ms());
            if (back.ok()) {
                report(fd, "return", 0, id);
                std::erase(skipped, id);
            } else if (back.error().kind == kErrBadState) {
                std::erase(skipped, id); // returned by nobody else, but maybe already (window is long)
            } else {
                check(back);
            }
        }
        if (rng() % 50 == 0) {
            if (check(d.set_paused(counter, true, now_ms())) &&
                check(d.set_paused(counter, false, now_ms()))) {
            }
        }
    }
    ::_exit(0);
}

struct Reported {
    std::string kind;
    int counter = 0;
    std::int64_t id = 0;
};

// Replays one ticket's events; returns "" or what was wrong.
std::string replay(const std::vector<QueueEvent>& events, const Ticket& ticket) {
    std::string state = "waiting";
    std::optional<int> at;
    for (const auto& e : events) {
        const std::string where = " (event " + std::to_string(e.id) + ")";
        if (e.kind == "call") {
            if (state != "waiting") return e.display + " called while " + state + where;
            state = "called";
            at = e.counter;
        } else if (e.kind == "recall" || e.kind == "skip" || e.kind == "transfer" || e.kind == "served") {
            if (state != "called" || at != e.counter)
                return e.display + " " + e.kind + " by counter " + std::to_string(e.counter.value_or(0)) +
                       " while " + state + where;
            if (e.kind == "skip") state = "skipped";
            if (e.kind == "transfer") state = "waiting";
            if (e.kind == "served") state = "served";
        } else if (e.kind == "return") {
            if (state != "skipped") return e.display + " returned while " + state + where;
            state = "waiting";
        } else {
            return "unexpected event " + e.kind + where;
        }
    }
    const std::string stored = is_waiting(ticket.state) ? "waiting" : std::string(to_string(ticket.state));
    if (stored != state) return ticket.display + " is " + stored + " but its events end in " + state;
    if (state == "called" && ticket.counter != at) return ticket.display + " called at another counter";
    return "";
}

void run_counter_crash_test(StoreKind kind) {
    TempDir dir;
    StoreTarget target;
    ASSERT_TRUE(make_target(kind, dir, "counters", target));
    DeskOptions options;
    // SQLite runs the interleave policy (its office-wide count under BEGIN IMMEDIATE); PostgreSQL the strict
    // one, where counters contend only through FOR UPDATE SKIP LOCKED on the tickets themselves.
    options.policy = kind == StoreKind::sqlite ? PriorityPolicy::interleave : PriorityPolicy::strict;
    options.regular_per_priority = 3;
    options.skip_return_window = minutes{60};
    auto store = target.open();
    ASSERT_TRUE(store.ok()) << store.error().message;
    {
        auto d = open_desk(target, options); // creates the counter tables before the children race
        ASSERT_TRUE(d.ok()) << d.error().message;
    }
    const auto list = services();
    std::mt19937 rng(777 + int(kind));
    int issued = 0;
    auto issue_some = [&](int n) {
        for (int i = 0; i < n; ++i) {
            auto t = (*store)->issue(list[rng() % 3],
                                     rng() % 6 == 0 ? PriorityKind::elderly : PriorityKind::none, now_ms());
            if (t.ok())
                ++issued;
            else
                ASSERT_EQ(t.error().kind, kErrBusy) << t.error().message;
        }
    };
    issue_some(300);

    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    std::vector<pid_t> kids(kCounters, -1);
    auto spawn = [&](int i) {
        const unsigned seed = rng();
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            counter_main(target, options, i + 1, fds[1], seed);
        }
        kids[i] = pid;
    };
    for (int i = 0; i < kCounters; ++i)
        spawn(i);

    std::vector<Reported> reports;
    std::string buffer;
    auto drain = [&] {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0) break;
            buffer.append(buf, size_t(n));
        }
        size_t pos;
        while ((pos = buffer.find('\n')) != std::string::npos) {
            std::istringstream in(buffer.substr(0, pos));
            Reported r;
            in >> r.kind >> r.counter >> r.id;
            reports.push_back(r);
            buffer.erase(0, pos + 1);
        }
    };
    int kills = 0, bad_exits = 0;
    const auto deadline = steady_clock::now() + kTimeLimit;
    auto next_kill = steady_clock::now() + milliseconds{50 + rng() % 200};
    auto next_issue = steady_clock::now();
    while ((int(reports.size()) < kWantedOps || kills < kMinKills) && steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        ::poll(&p, 1, 5);
        drain();
        if (steady_clock::now() >= next_issue) { // the lobby keeps taking tickets
            issue_some(3);
            next_issue = steady_clock::now() + milliseconds{100};
        }
        if (steady_clock::now() >= next_kill) {
            const int i = int(rng() % kCounters);
            ::kill(kids[i], SIGKILL);
            ::waitpid(kids[i], nullptr, 0);
            ++kills;
            spawn(i);
            next_kill = steady_clock::now() + milliseconds{50 + rng() % 200};
        }
        for (int i = 0; i < kCounters; ++i) {
            int status = 0;
            if (::waitpid(kids[i], &status, WNOHANG) == kids[i]) {
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++bad_exits;
                spawn(i);
            }
        }
    }
    for (pid_t pid : kids) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    ::close(fds[1]);
    drain();
    ::close(fds[0]);

    EXPECT_GE(int(reports.size()), kWantedOps) << "only " << reports.size() << " operations in time";
    EXPECT_GE(kills, kMinKills);
    EXPECT_EQ(bad_exits, 0) << "counters failed with a store error (not a kill)";

    auto desk = open_desk(target, options);
    ASSERT_TRUE(desk.ok()) << desk.error().message;
    std::set<std::string> days{(*store)->day_of(now_ms()).iso};
    std::map<std::int64_t, Ticket> tickets;
    std::map<std::int64_t, std::vector<QueueEvent>> by_ticket;
    std::map<std::string, int> event_counts;
    for (const auto& day : days) {
        auto all = (*store)->list(OfficeDay{day});
        ASSERT_TRUE(all.ok()) << all.error().message;
        for (auto& t : *all)
            tickets.emplace(t.id, t);
        auto events = (*desk)->events(OfficeDay{day}, 0);
        ASSERT_TRUE(events.ok()) << events.error().message;
        for (auto& e : *events) {
            ++event_counts[e.kind];
            if (e.ticket_id) by_ticket[*e.ticket_id].push_back(e);
        }
    }
    EXPECT_EQ(int(tickets.size()), issued) << "tickets lost or invented";
    int problems = 0;
    for (const auto& [id, t] : tickets) {
        auto it = by_ticket.find(id);
        const auto why = replay(it == by_ticket.end() ? std::vector<QueueEvent>{} : it->second, t);
        if (!why.empty() && ++problems <= 10) ADD_FAILURE() << why;
    }
    EXPECT_EQ(problems, 0);
    for (const auto& [id, evs] : by_ticket)
        EXPECT_TRUE(tickets.count(id)) << "event for unknown ticket " << id;
    // Every reported operation is an event (reports are a subset: a kill may fall between commit and report).
    std::map<std::tuple<std::string, int, std::int64_t>, int> recorded, reported;
    for (const auto& [id, evs] : by_ticket)
        for (const auto& e : evs)
            ++recorded[{e.kind, e.kind == "return" ? 0 : e.counter.value_or(0), id}];
    for (const auto& r : reports)
        ++reported[{r.kind, r.counter, r.id}];
    int missing = 0;
    for (const auto& [key, n] : reported)
        if (recorded[key] < n && ++missing <= 10)
            ADD_FAILURE() << "reported " << std::get<0>(key) << " of ticket " << std::get<2>(key)
                          << " by counter " << std::get<1>(key) << " is not recorded";
    EXPECT_EQ(missing, 0);
    std::cout << "[counters " << kind_name(kind) << "] reported=" << reports.size() << " kills=" << kills
              << " tickets=" << tickets.size();
    for (const auto& [k, n] : event_counts)
        std::cout << " " << k << "=" << n;
    std::cout << "\n";
}

} // namespace

TEST(CounterCrash, SqliteSixCountersUnderRandomKills) {
    run_counter_crash_test(StoreKind::sqlite);
}
TEST(CounterCrash, PostgresSixCountersUnderRandomKills) {
    run_counter_crash_test(StoreKind::postgres);
}
