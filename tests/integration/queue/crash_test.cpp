// Crash test: several kiosk processes issue tickets for three services at once while the parent SIGKILLs
// them at random moments and starts new ones, until 2,000 issues were reported. Each child reports a number
// only after the store returned it (that is when the citizen would see it). Then, per service, series and
// day: the store holds every reported number, no number twice, and no gap (a voided number stays recorded).
#include "store_fixture.hpp"

#include "kiosk/core/queue/ticket_issuer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::queue;
using namespace kiosk::testing;
using namespace std::chrono;

namespace {

constexpr int kChildren = 4;
constexpr int kWantedReports = 2000;
constexpr auto kTimeLimit = seconds{60};

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

// Child body: issue through the same TicketIssuer as the kiosk, report each number to the pipe. Never
// returns.
[[noreturn]] void child_main(const StoreTarget& target, int fd, unsigned seed) {
    std::mt19937 rng(seed);
    auto store = target.open();
    if (!store) ::_exit(3);
    // Printer double: fails now and then, so print_failed tickets are part of the mix.
    TicketIssuer issuer(
        **store,
        [&](const Ticket&) {
            return PrintOutcome{rng() % 10 != 0, "paper jam"};
        },
        IssuerOptions{milliseconds{0}});
    const auto list = services();
    for (int i = 0; i < 100000; ++i) {
        const auto& s = list[rng() % list.size()];
        const auto prio = rng() % 8 == 0 ? PriorityKind::elderly : PriorityKind::none;
        auto r = issuer.issue(s, prio, now_ms());
        if (!r) {
            if (r.error().kind == kErrStore) ::_exit(4); // a real failure, not contention
            continue;
        }
        const auto& t = r->ticket;
        if (rng() % 25 == 0) (void)(*store)->void_ticket(t.id, "crash test", now_ms());
        const std::string line = t.service + " " + std::to_string(int(t.series)) + " " + t.day.iso + " " +
                                 std::to_string(t.number) + " " + t.display + "\n";
        // One write below PIPE_BUF is atomic: a kill leaves no half line.
        if (::write(fd, line.data(), line.size()) != ssize_t(line.size())) ::_exit(5);
    }
    ::_exit(0);
}

struct Report {
    std::string service, day, display;
    int series = 0, number = 0;
};

void run_crash_test(StoreKind kind) {
    TempDir dir;
    StoreTarget target;
    ASSERT_TRUE(make_target(kind, dir, "crash", target));
    {
        // Create the schema once, then close: children open their own connections after fork.
        auto s = target.open();
        ASSERT_TRUE(s.ok()) << s.error().message;
    }
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    std::mt19937 rng(12345 + int(kind));
    std::vector<pid_t> kids(kChildren, -1);
    auto spawn = [&](int i) {
        const unsigned seed = rng();
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            child_main(target, fds[1], seed);
        }
        kids[i] = pid;
    };
    for (int i = 0; i < kChildren; ++i)
        spawn(i);

    std::vector<Report> reports;
    std::string buffer;
    int kills = 0, bad_exits = 0;
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
            Report r;
            in >> r.service >> r.series >> r.day >> r.number >> r.display;
            reports.push_back(r);
            buffer.erase(0, pos + 1);
        }
    };
    const auto deadline = steady_clock::now() + kTimeLimit;
    // Kills come every 5–40 ms, and the run lasts until both enough issues were reported and enough kills
    // happened: a fast machine (release build) must not finish its 2,000 issues before the killing starts.
    constexpr int kMinKills = 40;
    auto next_kill = steady_clock::now() + milliseconds{5 + rng() % 35};
    while ((int(reports.size()) < kWantedReports || kills < kMinKills) && steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        ::poll(&p, 1, 5);
        drain();
        if (steady_clock::now() >= next_kill) {
            const int i = int(rng() % kChildren);
            ::kill(kids[i], SIGKILL);
            ::waitpid(kids[i], nullptr, 0);
            ++kills;
            spawn(i);
            next_kill = steady_clock::now() + milliseconds{5 + rng() % 35};
        }
        for (int i = 0; i < kChildren; ++i) { // a child that exited by itself is restarted too
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

    EXPECT_GE(int(reports.size()), kWantedReports)
        << "too slow: only " << reports.size() << " issues in " << kTimeLimit.count() << " s";
    EXPECT_GE(kills, kMinKills);
    EXPECT_EQ(bad_exits, 0) << "children failed with a store error (not a kill)";

    auto store = target.open();
    ASSERT_TRUE(store.ok()) << store.error().message;
    using Key = std::tuple<std::string, int, std::string>; // service, series, day
    std::map<Key, std::map<int, Ticket>> stored;
    std::set<std::string> days;
    for (auto& r : reports)
        days.insert(r.day);
    days.insert((*store)->day_of(now_ms()).iso);
    int voided = 0, print_failed = 0;
    for (const auto& d : days) {
        auto list = (*store)->list(OfficeDay{d});
        ASSERT_TRUE(list.ok()) << list.error().message;
        for (auto& t : *list) {
            auto& bucket = stored[{t.service, int(t.series), t.day.iso}];
            EXPECT_TRUE(bucket.emplace(t.number, t).second) << "number stored twice: " << t.display;
            voided += t.state == TicketState::voided;
            print_failed += t.state == TicketState::print_failed;
        }
    }
    for (auto& [key, bucket] : stored) {
        int expect = 1;
        for (auto& [number, t] : bucket) {
            EXPECT_EQ(number, expect)
                << "gap before " << t.display << " in " << std::get<0>(key) << " " << std::get<2>(key);
            expect = number + 1;
        }
    }
    std::set<std::tuple<std::string, int, std::string, int>> seen;
    for (auto& r : reports) {
        EXPECT_TRUE(seen.insert({r.service, r.series, r.day, r.number}).second)
            << "number given to two citizens: " << r.display;
        auto it = stored.find({r.service, r.series, r.day});
        const bool present = it != stored.end() && it->second.count(r.number);
        EXPECT_TRUE(present) << "reported number missing from the store: " << r.display;
        if (present) {
            EXPECT_EQ(it->second.at(r.number).display, r.display);
        }
    }
    size_t total = 0;
    for (auto& [k, b] : stored)
        total += b.size();
    EXPECT_GE(total, reports.size());
    std::cout << "[crash " << kind_name(kind) << "] reports=" << reports.size() << " stored=" << total
              << " kills=" << kills << " voided=" << voided << " print_failed=" << print_failed << "\n";
}

} // namespace

TEST(QueueCrash, SqliteUnderRandomKills) {
    run_crash_test(StoreKind::sqlite);
}
TEST(QueueCrash, PostgresUnderRandomKills) {
    run_crash_test(StoreKind::postgres);
}
