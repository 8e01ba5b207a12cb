// Who may rate what, and the report arithmetic, with the in-memory doubles.
#include "kiosk/core/queue/memory_rating_store.hpp"
#include "kiosk/core/queue/memory_ticket_store.hpp"
#include "kiosk/core/report/office_stats.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace kiosk::queue;

namespace {

const TimePoint kNow = from_unix_ms(1'795'746'600'000LL); // 2026-11-27 09:30 in Vietnam

Ticket served(MemoryTicketStore& store, const std::string& display, TimePoint served_at) {
    Ticket t;
    t.id = static_cast<std::int64_t>(store.tickets.size()) + 1;
    t.office = "o";
    t.service = "HT";
    t.day = office_day(kNow);
    t.display = display;
    t.state = TicketState::served;
    t.served_at = served_at;
    t.counter = 2;
    t.check = "K7Q2MX";
    store.tickets.push_back(t);
    return t;
}

TicketQr claim_of(const Ticket& t) {
    return {t.office, t.day, t.display, t.check};
}

TEST(RatingRules, WindowInMinutesAfterService) {
    MemoryTicketStore tickets;
    MemoryRatingStore ratings;
    auto recent = served(tickets, "A001", kNow - std::chrono::minutes(10));
    auto old = served(tickets, "A002", kNow - std::chrono::minutes(90));
    EXPECT_TRUE(find_rateable(tickets, ratings, claim_of(recent), {"o", 60}, kNow).ok());
    EXPECT_EQ(find_rateable(tickets, ratings, claim_of(old), {"o", 60}, kNow).error().kind, kErrExpired);
    // The default window is the office day: both may be rated.
    EXPECT_TRUE(find_rateable(tickets, ratings, claim_of(old), {"o", 0}, kNow).ok());
}

TEST(RatingRules, TicketsWithoutACheckValueCannotBeClaimed) {
    MemoryTicketStore tickets;
    MemoryRatingStore ratings;
    auto t = served(tickets, "A001", kNow);
    tickets.tickets[0].check.clear(); // recorded before check values existed
    EXPECT_EQ(find_rateable(tickets, ratings, claim_of(t), {"o", 0}, kNow).error().kind, kErrForged);
}

TEST(RatingRules, StoreErrorsPassThrough) {
    MemoryTicketStore tickets;
    MemoryRatingStore ratings;
    auto t = served(tickets, "A001", kNow);
    ratings.fail = make_error(kErrUnreachable, "down");
    EXPECT_EQ(find_rateable(tickets, ratings, claim_of(t), {"o", 0}, kNow).error().kind, kErrUnreachable);
}

TEST(OfficeStats, PercentilesInterpolateLikePercentileCont) {
    std::vector<std::int64_t> v{4000, 1000, 3000, 2000};
    EXPECT_DOUBLE_EQ(*report::percentile(v, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(*report::percentile(v, 0.9), 3.7);
    std::vector<std::int64_t> one{60000};
    EXPECT_DOUBLE_EQ(*report::percentile(one, 0.9), 60.0);
    std::vector<std::int64_t> none;
    EXPECT_FALSE(report::percentile(none, 0.5).has_value());
}

TEST(OfficeStats, SummaryRowsAddUpAndCsvIsStable) {
    std::vector<report::TicketFact> facts;
    auto fact = [&](std::string service, int counter, int hour, TicketState state,
                    std::optional<std::int64_t> wait, int rating, bool failed = false) {
        report::TicketFact f;
        f.service = std::move(service);
        f.counter = counter;
        f.hour = hour;
        f.state = state;
        f.wait_ms = wait;
        if (state == TicketState::served) f.service_ms = 300000;
        f.rating = rating;
        f.print_failed = failed;
        facts.push_back(f);
    };
    fact("HT", 1, 8, TicketState::served, 600000, 3);
    fact("HT", 2, 8, TicketState::served, 1200000, 1, true);
    fact("CT", 3, 14, TicketState::served, 60000, 0);
    fact("CT", 0, 14, TicketState::voided, std::nullopt, 0);
    fact("CT", 3, 14, TicketState::skipped, 120000, 0); // called, not present: a no-show
    auto r = report::summarize(facts, {{"2026-11-27"}, {"2026-11-27"}, ""});
    const auto& total = r.rows.front();
    EXPECT_EQ(total.kind, "total");
    EXPECT_EQ(total.issued, 5);
    EXPECT_EQ(total.served, 3);
    EXPECT_EQ(total.voided, 1);
    EXPECT_EQ(total.no_shows, 1);
    EXPECT_EQ(total.print_failures, 1);
    EXPECT_DOUBLE_EQ(*total.wait.p50_s, 360.0); // waits 60, 120, 600, 1200 s
    EXPECT_EQ(report::rows_of(r, "service").size(), 2u);
    EXPECT_EQ(report::rows_of(r, "counter").size(), 3u); // the voided ticket was never called
    EXPECT_EQ(report::rows_of(r, "hour").size(), 2u);
    EXPECT_EQ(report::report_csv(r),
              "kind,key,issued,served,voided,no_shows,print_failures,wait_p50_s,wait_p90_s,service_p50_s,"
              "service_p90_s,rating_not_satisfied,rating_satisfied,rating_very_satisfied\n"
              "total,,5,3,1,1,1,360.0,1020.0,300.0,300.0,1,0,1\n"
              "service,CT,3,1,1,1,0,90.0,114.0,300.0,300.0,0,0,0\n"
              "service,HT,2,2,0,0,1,900.0,1140.0,300.0,300.0,1,0,1\n"
              "counter,1,1,1,0,0,0,600.0,600.0,300.0,300.0,0,0,1\n"
              "counter,2,1,1,0,0,1,1200.0,1200.0,300.0,300.0,1,0,0\n"
              "counter,3,2,1,0,1,0,90.0,114.0,300.0,300.0,0,0,0\n"
              "hour,08,2,2,0,0,1,900.0,1140.0,300.0,300.0,1,0,1\n"
              "hour,14,3,1,1,1,0,90.0,114.0,300.0,300.0,0,0,0\n");
}

} // namespace
