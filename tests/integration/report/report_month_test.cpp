// A seeded month of office traffic → kioskctl report (the real program) → CSV and charts; the CSV's sums are
// checked against the store itself and against the generated traffic.
#include "traffic_gen.hpp"

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/queue/from_config.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

struct Row {
    std::vector<std::string> f;
    long long n(std::size_t i) const { return std::stoll(f.at(i)); }
};

std::map<std::string, std::vector<Row>> read_csv(const fs::path& p) {
    std::map<std::string, std::vector<Row>> out;
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line.rfind("kind,key,issued,served,voided,no_shows,print_failures,wait_p50_s", 0), 0u) << line;
    while (std::getline(in, line)) {
        Row r;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, ','))
            r.f.push_back(field);
        if (line.back() == ',') r.f.emplace_back();
        out[r.f.at(0)].push_back(r);
    }
    return out;
}

long long sql_count(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    long long v = -1;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(h);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

int run_report(const fs::path& dir, const fs::path& db, const std::string& args) {
    const std::string cmd = "XDG_STATE_HOME='" + (dir / "state").string() + "' KIOSK_CONFIG='" +
                            (dir / "none.toml").string() +
                            "' '" KIOSK_BINARY_DIR "/kiosk/cli/kioskctl' --set queue.sqlite_path='" +
                            db.string() + "' report " + args;
    return std::system(cmd.c_str());
}

} // namespace

TEST(ReportMonth, CsvSumsMatchTheStoreAndChartsAreDrawn) {
    // Kept in the build tree (not a temp dir) so the charts can be looked at after the run.
    const fs::path dir = fs::path(KIOSK_BINARY_DIR) / "report-month";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path db = dir / "queue.sqlite";
    auto services = queue::queue_services(config::Config{});
    ASSERT_TRUE(services.ok());
    const auto traffic =
        kiosk::testing::generate_traffic(*services, {"2026-11-01", "2026-11-30", 300, 20261127});
    ASSERT_GT(traffic.size(), 5000u);
    ASSERT_EQ(kiosk::testing::load_sqlite(db.string(), "demo-office", traffic), "");

    ASSERT_EQ(run_report(dir, db,
                         "--from 2026-11-01 --to 2026-11-30 --csv '" + (dir / "report.csv").string() +
                             "' --png '" + (dir / "report.png").string() + "' --pdf '" +
                             (dir / "report.pdf").string() + "'"),
              0);
    auto csv = read_csv(dir / "report.csv");
    ASSERT_EQ(csv["total"].size(), 1u);
    const Row& total = csv["total"][0];

    // The store's own counts.
    const std::string in_month =
        " FROM queue_ticket WHERE office = 'demo-office' AND day BETWEEN '2026-11-01' AND "
        "'2026-11-30'";
    const long long issued = sql_count(db, "SELECT count(*)" + in_month);
    const long long served = sql_count(db, "SELECT count(*)" + in_month + " AND state = 'served'");
    const long long voided = sql_count(db, "SELECT count(*)" + in_month + " AND state = 'voided'");
    const long long failed = sql_count(
        db, "SELECT count(*)" + in_month + " AND printed_at IS NULL AND state <> 'voided' AND note <> ''");
    const long long no_shows = sql_count(db, "SELECT count(*)" + in_month + " AND state = 'skipped'");
    EXPECT_EQ(total.n(2), issued);
    EXPECT_EQ(total.n(3), served);
    EXPECT_EQ(total.n(4), voided);
    EXPECT_EQ(total.n(5), no_shows);
    EXPECT_EQ(total.n(6), failed);
    EXPECT_GT(failed, 0);
    // Realistic: one to a few percent of the tickets.
    EXPECT_GT(no_shows * 100, issued * 1);
    EXPECT_LT(no_shows * 100, issued * 8);
    for (int level = 1; level <= 3; ++level)
        EXPECT_EQ(total.n(10 + static_cast<std::size_t>(level)),
                  sql_count(db, "SELECT count(*) FROM queue_rating WHERE level = " + std::to_string(level)))
            << "level " << level;
    // …and the generated traffic.
    EXPECT_EQ(issued, static_cast<long long>(traffic.size()));
    long long gen_served = 0, gen_rated = 0, gen_no_shows = 0;
    for (const auto& t : traffic)
        gen_served += t.state == "served", gen_rated += t.rating != 0, gen_no_shows += t.state == "skipped";
    EXPECT_EQ(served, gen_served);
    EXPECT_EQ(no_shows, gen_no_shows);
    EXPECT_EQ(total.n(11) + total.n(12) + total.n(13), gen_rated);

    // Every breakdown sums to the total (counters: the tickets that were called).
    for (const char* kind : {"service", "hour"}) {
        long long sums[6] = {};
        for (const auto& r : csv[kind])
            for (std::size_t i = 0; i < 5; ++i)
                sums[i] += r.n(2 + i);
        for (const auto& r : csv[kind])
            sums[5] += r.n(11) + r.n(12) + r.n(13);
        EXPECT_EQ(sums[0], issued) << kind;
        EXPECT_EQ(sums[1], served) << kind;
        EXPECT_EQ(sums[2], voided) << kind;
        EXPECT_EQ(sums[3], no_shows) << kind;
        EXPECT_EQ(sums[4], failed) << kind;
        EXPECT_EQ(sums[5], gen_rated) << kind;
    }
    long long counter_issued = 0;
    for (const auto& r : csv["counter"])
        counter_issued += r.n(2);
    EXPECT_EQ(counter_issued, sql_count(db, "SELECT count(*)" + in_month + " AND counter IS NOT NULL"));
    // No-shows row by row against the store: per service, per counter, per hour of issue (UTC+7).
    for (const auto& r : csv["service"])
        EXPECT_EQ(r.n(5), sql_count(db, "SELECT count(*)" + in_month +
                                            " AND state = 'skipped' AND service = '" + r.f.at(1) + "'"))
            << "service " << r.f.at(1);
    long long counter_no_shows = 0;
    for (const auto& r : csv["counter"]) {
        counter_no_shows += r.n(5);
        EXPECT_EQ(r.n(5), sql_count(db, "SELECT count(*)" + in_month +
                                            " AND state = 'skipped' AND counter = " + r.f.at(1)))
            << "counter " << r.f.at(1);
    }
    EXPECT_EQ(counter_no_shows, no_shows);
    for (const auto& r : csv["hour"])
        EXPECT_EQ(r.n(5),
                  sql_count(db, "SELECT count(*)" + in_month +
                                    " AND state = 'skipped' AND ((issued_at / 1000 + 7 * 3600) % 86400) "
                                    "/ 3600 = " +
                                    std::to_string(std::stoi(r.f.at(1)))))
            << "hour " << r.f.at(1);
    EXPECT_EQ(csv["service"].size(), services->size());

    // Charts: a 1400 px wide PNG and a PDF.
    std::ifstream png(dir / "report.png", std::ios::binary);
    unsigned char header[24] = {};
    png.read(reinterpret_cast<char*>(header), sizeof header);
    EXPECT_EQ(header[1], 'P');
    EXPECT_EQ((header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19], 1400);
    std::ifstream pdf(dir / "report.pdf", std::ios::binary);
    std::string magic(4, '\0');
    pdf.read(magic.data(), 4);
    EXPECT_EQ(magic, "%PDF");

    // One service only: its own tickets.
    ASSERT_EQ(run_report(dir, db,
                         "--from 2026-11-01 --to 2026-11-30 --service CT --csv '" +
                             (dir / "report-ct.csv").string() + "'"),
              0);
    auto ct = read_csv(dir / "report-ct.csv");
    EXPECT_EQ(ct["total"].at(0).n(2), sql_count(db, "SELECT count(*)" + in_month + " AND service = 'CT'"));
    EXPECT_EQ(ct["service"].size(), 1u);

    // Bad input is refused with a usage error, nothing written.
    EXPECT_NE(run_report(dir, db, "--from 2026-11-31 --to 2026-11-30 2>/dev/null"), 0);
    EXPECT_NE(run_report(dir, db, "--from 2026-11-10 --to 2026-11-01 2>/dev/null"), 0);
    EXPECT_NE(run_report(dir, db, "--from 2026-11-01 --to 2026-11-30 --service NOPE 2>/dev/null"), 0);
}
