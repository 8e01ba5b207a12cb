// Ratings through the real ticket stores (SQLite file, and a PostgreSQL server the test starts): a served
// ticket is rated once, refusals say why, the QR check value is stored at issue, and the statistics read the
// same rows (also for a generated week loaded into PostgreSQL).
#include "pg_server.hpp"
#include "traffic_gen.hpp"

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/rating.hpp"
#include "kiosk/store/rating_stats_pg.hpp"
#include "kiosk/store/rating_stats_sqlite.hpp"
#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::queue;

namespace {

// 2026-11-27 09:30 Vietnam time.
const TimePoint kNow = from_unix_ms(1'795'746'600'000LL);

Service service_ht() {
    auto services = queue_services(config::Config{});
    return *find_service(*services, "HT");
}

void exercise(TicketStore& tickets, RatingStore& ratings, report::StatsSource& stats,
              const std::string& office) {
    const Service s = service_ht();
    auto a = tickets.issue(s, PriorityKind::none, kNow - std::chrono::minutes(60));
    auto b = tickets.issue(s, PriorityKind::none, kNow - std::chrono::minutes(50));
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->check.size(), kCheckLength);
    EXPECT_NE(a->check, b->check);
    auto stored = tickets.get(a->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->check, a->check); // read back from the store, not only returned by issue()
    auto called = tickets.call_next(s.code, 2, kNow - std::chrono::minutes(40));
    ASSERT_TRUE(called.ok() && *called && (*called)->id == a->id);
    ASSERT_TRUE(tickets.done(a->id, kNow - std::chrono::minutes(30)).ok());

    RatingRules rules{office, 0};
    auto claim = parse_ticket_qr(ticket_qr_text(*a));
    ASSERT_TRUE(claim.ok());
    auto rateable = find_rateable(tickets, ratings, *claim, rules, kNow);
    ASSERT_TRUE(rateable.ok()) << rateable.error().message;
    EXPECT_EQ(rateable->counter, 2);
    EXPECT_EQ(record_rating(ratings, *rateable, RatingLevel::not_satisfied, 0, kNow).error().kind,
              kErrNeedReason);
    ASSERT_TRUE(record_rating(ratings, *rateable, RatingLevel::not_satisfied,
                              reason_waiting_time | reason_guidance, kNow)
                    .ok());
    // Twice: refused before (find) and at the store (a second kiosk racing).
    EXPECT_EQ(find_rateable(tickets, ratings, *claim, rules, kNow).error().kind, kErrAlreadyRated);
    EXPECT_EQ(record_rating(ratings, *rateable, RatingLevel::very_satisfied, 0, kNow).error().kind,
              kErrAlreadyRated);
    // Not served, forged, other office, other day.
    auto claim_b = parse_ticket_qr(ticket_qr_text(*b));
    EXPECT_EQ(find_rateable(tickets, ratings, *claim_b, rules, kNow).error().kind, kErrNotServed);
    auto forged = *claim;
    forged.check = forged.check == "222222" ? "333333" : "222222";
    EXPECT_EQ(find_rateable(tickets, ratings, forged, rules, kNow).error().kind, kErrForged);
    auto other_office = *claim;
    other_office.office = "phuong-khac";
    EXPECT_EQ(find_rateable(tickets, ratings, other_office, rules, kNow).error().kind, kErrOtherOffice);
    EXPECT_EQ(find_rateable(tickets, ratings, *claim, rules, kNow + std::chrono::hours(24)).error().kind,
              kErrOtherDay);
    // A window in minutes instead of the office day.
    EXPECT_EQ(find_rateable(tickets, ratings, *claim_b, {office, 20}, kNow).error().kind, kErrNotServed);

    auto facts = stats.ticket_facts({{"2026-11-27"}, {"2026-11-27"}, ""});
    ASSERT_TRUE(facts.ok()) << facts.error().message;
    ASSERT_EQ(facts->size(), 2u);
    auto summary = report::summarize(*facts, {});
    const auto& total = summary.rows.front();
    EXPECT_EQ(total.issued, 2);
    EXPECT_EQ(total.served, 1);
    EXPECT_EQ(total.ratings[0], 1);
    ASSERT_TRUE(total.wait.p50_s.has_value());
    EXPECT_DOUBLE_EQ(*total.wait.p50_s, 20 * 60.0);
    EXPECT_DOUBLE_EQ(*total.service_time.p50_s, 10 * 60.0);
}

} // namespace

TEST(RatingStore, SqliteRatesOnceAndCounts) {
    char tmpl[] = "/tmp/kiosk-rating-XXXXXX";
    const fs::path dir = ::mkdtemp(tmpl);
    const std::string db = (dir / "queue.sqlite").string();
    auto tickets = store::SqliteTicketStore::open({db, "demo-office", 0});
    ASSERT_TRUE(tickets.ok());
    auto stats = store::SqliteRatingStats::open({db, "demo-office"});
    ASSERT_TRUE(stats.ok()) << stats.error().message;
    exercise(**tickets, **stats, **stats, "demo-office");
    fs::remove_all(dir);
}

TEST(RatingStore, SqliteAddsTheCheckColumnToAnOlderFile) {
    char tmpl[] = "/tmp/kiosk-rating-XXXXXX";
    const fs::path dir = ::mkdtemp(tmpl);
    const std::string db = (dir / "queue.sqlite").string();
    {
        auto first = store::SqliteTicketStore::open({db, "demo-office", 0});
        ASSERT_TRUE(first.ok());
        auto t = (*first)->issue(service_ht(), PriorityKind::none, kNow);
        ASSERT_TRUE(t.ok());
    }
    // Make it look like a file written before check values: drop the column.
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "ALTER TABLE queue_ticket DROP COLUMN check_code", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(h);
    auto reopened = store::SqliteTicketStore::open({db, "demo-office", 0});
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    auto old = (*reopened)->get(1);
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(old->check, ""); // an old ticket has none, so its (old-format) QR can never be accepted
    auto fresh = (*reopened)->issue(service_ht(), PriorityKind::none, kNow);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->check.size(), kCheckLength);
    fs::remove_all(dir);
}

TEST(RatingStore, PostgresRatesOnceAndCounts) {
    const std::string dsn = kiosk::testing::shared_pg_dsn();
    if (dsn.empty()) return;
    const std::string office = "rating-" + std::to_string(::getpid());
    store::PgTicketStoreOptions o;
    o.dsn = dsn;
    o.office = office;
    auto tickets = store::PgTicketStore::open(o);
    ASSERT_TRUE(tickets.ok()) << tickets.error().message;
    auto stats = store::PgRatingStats::open({dsn, office});
    ASSERT_TRUE(stats.ok()) << stats.error().message;
    exercise(**tickets, **stats, **stats, office);
}

TEST(RatingStore, PostgresStatisticsMatchAGeneratedWeek) {
    const std::string dsn = kiosk::testing::shared_pg_dsn();
    if (dsn.empty()) return;
    const std::string office = "week-" + std::to_string(::getpid());
    auto services = queue_services(config::Config{});
    const auto traffic = kiosk::testing::generate_traffic(*services, {"2026-11-02", "2026-11-08", 200, 7});
    ASSERT_EQ(kiosk::testing::load_postgres(dsn, office, traffic), "");
    auto stats = store::PgRatingStats::open({dsn, office});
    ASSERT_TRUE(stats.ok());
    auto facts = (*stats)->ticket_facts({{"2026-11-02"}, {"2026-11-08"}, ""});
    ASSERT_TRUE(facts.ok()) << facts.error().message;
    ASSERT_EQ(facts->size(), traffic.size());
    long long served = 0, rated = 0, gen_served = 0, gen_rated = 0;
    for (const auto& f : *facts)
        served += f.state == TicketState::served, rated += f.rating != 0;
    for (const auto& t : traffic)
        gen_served += t.state == "served", gen_rated += t.rating != 0;
    EXPECT_EQ(served, gen_served);
    EXPECT_EQ(rated, gen_rated);
    // No-shows (tickets left `skipped`) per counter, as PostgreSQL returns them and as generated.
    auto summary = report::summarize(*facts, {});
    std::map<std::string, long long> gen_no_shows;
    long long gen_total = 0;
    for (const auto& t : traffic)
        if (t.state == "skipped") ++gen_no_shows[std::to_string(*t.counter)], ++gen_total;
    EXPECT_GT(gen_total, 0);
    EXPECT_EQ(summary.rows.front().no_shows, gen_total);
    for (const auto* row : report::rows_of(summary, "counter"))
        EXPECT_EQ(row->no_shows, gen_no_shows[row->key]) << "counter " << row->key;
}
