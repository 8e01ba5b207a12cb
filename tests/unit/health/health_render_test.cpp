// The health renderers: /status JSON, /metrics Prometheus text and /healthz, plus derived problems.
#include "kiosk/core/health/health.hpp"
#include "tests/unit/health/prom_parse.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace kiosk;
using health::HealthSnapshot;

namespace {

HealthSnapshot healthy() {
    HealthSnapshot s;
    s.kiosk_id = "kiosk-01";
    s.office_id = "phuong-dich-vong-hau";
    s.version = "0.1.0";
    s.started_at = 1790000000;
    s.now = 1790003600;
    s.uptime_seconds = 3600;
    s.printer = {"cups:Kiosk80@127.0.0.1:631", "idle", "", {"none"}, 0, ""};
    s.queue = {"sqlite", true, "", 42};
    s.catalog = {"cache", "2026-09-20", 187, "not_modified", "", 12};
    s.dossier = {"gateway", true, 17, 2};
    s.scanner = {"running", 19, 3};
    s.config = {"file", 0};
    s.frames_rendered = 5120;
    s.last_frame_at = 1790003590;
    return s;
}

HealthSnapshot degraded() {
    HealthSnapshot s = healthy();
    s.printer.fault = "out_of_paper";
    s.printer.state = "stopped";
    s.printer.reasons = {"media-empty-error"};
    s.printer.print_failures_today = 3;
    s.printer.last_print_fault = "media-empty-error on Kiosk80";
    s.queue.store_ok = false;
    s.queue.store = "postgres";
    s.queue.store_error = "connection refused (10.0.0.5:5432)";
    s.problems = health::derive_problems(s);
    return s;
}

test::PromText metrics(const HealthSnapshot& s) {
    const std::string text = health::render_metrics(s);
    test::PromText p = test::parse_prometheus(text);
    EXPECT_EQ(p.error, "") << text;
    return p;
}

double value(const test::PromText& p, const std::string& name,
             const std::map<std::string, std::string>& l = {}) {
    auto s = p.find(name, l);
    EXPECT_TRUE(s.has_value()) << "missing sample " << name;
    return s ? s->value : -12345;
}

} // namespace

TEST(HealthJson, HealthySnapshotHasEverySection) {
    const auto j = nlohmann::json::parse(health::render_status_json(healthy()));
    EXPECT_EQ(j["kiosk_id"], "kiosk-01");
    EXPECT_EQ(j["office_id"], "phuong-dich-vong-hau");
    EXPECT_EQ(j["version"], "0.1.0");
    EXPECT_EQ(j["started_at"], 1790000000);
    EXPECT_EQ(j["now"], 1790003600);
    EXPECT_EQ(j["uptime_seconds"], 3600);
    EXPECT_EQ(j["ok"], true);
    EXPECT_TRUE(j["problems"].is_array());
    EXPECT_TRUE(j["problems"].empty());
    EXPECT_EQ(j["printer"]["describe"], "cups:Kiosk80@127.0.0.1:631");
    EXPECT_EQ(j["printer"]["ok"], true);
    EXPECT_EQ(j["printer"]["fault"], "");
    EXPECT_EQ(j["printer"]["reasons"], nlohmann::json::array({"none"}));
    EXPECT_EQ(j["queue"]["store"], "sqlite");
    EXPECT_EQ(j["queue"]["issued_today"], 42);
    EXPECT_EQ(j["catalog"]["source"], "cache");
    EXPECT_EQ(j["catalog"]["generated"], "2026-09-20");
    EXPECT_EQ(j["catalog"]["procedures"], 187);
    EXPECT_EQ(j["catalog"]["last_sync"], "not_modified");
    EXPECT_EQ(j["catalog"]["age_days"], 12);
    EXPECT_EQ(j["dossier"]["source"], "gateway");
    EXPECT_EQ(j["dossier"]["lookups"], 17);
    EXPECT_EQ(j["dossier"]["lookup_errors"], 2);
    EXPECT_EQ(j["scanner"]["camera_state"], "running");
    EXPECT_EQ(j["scanner"]["scans"], 19);
    EXPECT_EQ(j["scanner"]["rejected"], 3);
    EXPECT_EQ(j["config"]["source"], "file");
    EXPECT_EQ(j["frames_rendered"], 5120);
    EXPECT_EQ(j["last_frame_at"], 1790003590);
}

TEST(HealthJson, ProblemsAreListedInOrder) {
    const auto j = nlohmann::json::parse(health::render_status_json(degraded()));
    EXPECT_EQ(j["ok"], false);
    ASSERT_EQ(j["problems"].size(), 2u);
    EXPECT_EQ(j["problems"][0]["code"], "printer.out_of_paper");
    EXPECT_EQ(j["problems"][1]["code"], "queue.store_unreachable");
    EXPECT_NE(j["problems"][1]["detail"].get<std::string>().find("10.0.0.5:5432"), std::string::npos);
    EXPECT_EQ(j["printer"]["ok"], false);
    EXPECT_EQ(j["printer"]["print_failures_today"], 3);
    EXPECT_EQ(j["queue"]["store_ok"], false);
}

TEST(HealthJson, VietnameseSurvivesAndInvalidUtf8DoesNotThrow) {
    HealthSnapshot s = healthy();
    s.office_id = "Phường Dịch Vọng Hậu";
    s.printer.last_print_fault = std::string("bad \xC3\x28 byte \xFF");
    std::string text;
    ASSERT_NO_THROW(text = health::render_status_json(s));
    const auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["office_id"], "Phường Dịch Vọng Hậu");
    EXPECT_NE(j["printer"]["last_print_fault"].get<std::string>().find("bad "), std::string::npos);
}

TEST(HealthMetrics, EveryLineParsesAndEveryFamilyIsDeclared) {
    const std::string text = health::render_metrics(degraded());
    const auto p = test::parse_prometheus(text);
    ASSERT_EQ(p.error, "") << text;
    ASSERT_FALSE(p.samples.empty());
    std::set<std::string> closed; // families whose block of samples has ended
    std::string current;
    for (const auto& s : p.samples) {
        EXPECT_EQ(s.name.rfind("motcua_kiosk_", 0), 0u) << s.name;
        ASSERT_TRUE(p.type.count(s.name)) << "no TYPE for " << s.name;
        EXPECT_TRUE(p.help.count(s.name)) << "no HELP for " << s.name;
        if (p.type.at(s.name) == "counter") {
            EXPECT_EQ(s.name.substr(s.name.size() - 6), "_total") << s.name;
        }
        if (s.name != current) {
            EXPECT_FALSE(closed.count(s.name)) << s.name << " samples are not grouped";
            if (!current.empty()) closed.insert(current);
            current = s.name;
        }
    }
    // Every declared family has at least one sample.
    for (const auto& [name, type] : p.type)
        EXPECT_TRUE(p.find(name).has_value()) << name << " " << type;
}

TEST(HealthMetrics, ValuesComeFromTheSnapshot) {
    const auto p = metrics(healthy());
    EXPECT_EQ(value(p, "motcua_kiosk_up"), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_healthy"), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_printer_ok"), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_tickets_issued_today"), 42);
    EXPECT_EQ(value(p, "motcua_kiosk_print_failures_today"), 0);
    EXPECT_EQ(value(p, "motcua_kiosk_catalog_procedures"), 187);
    EXPECT_EQ(value(p, "motcua_kiosk_catalog_age_days"), 12);
    EXPECT_EQ(value(p, "motcua_kiosk_dossier_lookups_total"), 17);
    EXPECT_EQ(value(p, "motcua_kiosk_dossier_lookup_errors_total"), 2);
    EXPECT_EQ(value(p, "motcua_kiosk_uptime_seconds"), 3600);
    EXPECT_EQ(value(p, "motcua_kiosk_start_time_seconds"), 1790000000);
    EXPECT_EQ(value(p, "motcua_kiosk_problems"), 0);
    EXPECT_EQ(value(p, "motcua_kiosk_queue_store_ok", {{"store", "sqlite"}}), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_scans_total"), 19);
    EXPECT_EQ(value(p, "motcua_kiosk_frames_rendered_total"), 5120);
    EXPECT_EQ(value(p, "motcua_kiosk_info", {{"kiosk_id", "kiosk-01"}, {"version", "0.1.0"}}), 1);
    EXPECT_FALSE(p.find("motcua_kiosk_problem").has_value());
    EXPECT_FALSE(p.type.count("motcua_kiosk_problem")) << "no empty family for problems";
}

TEST(HealthMetrics, DayCountsIncludeNoShows) {
    HealthSnapshot s = healthy();
    s.rating.issued_today = 40;
    s.rating.served_today = 30;
    s.rating.voided_today = 2;
    s.rating.no_show_today = 3;
    s.rating.ratings_today = {1, 4, 6};
    const auto p = metrics(s);
    EXPECT_EQ(value(p, "motcua_kiosk_office_tickets_today", {{"state", "issued"}}), 40);
    EXPECT_EQ(value(p, "motcua_kiosk_office_tickets_today", {{"state", "served"}}), 30);
    EXPECT_EQ(value(p, "motcua_kiosk_office_tickets_today", {{"state", "voided"}}), 2);
    EXPECT_EQ(value(p, "motcua_kiosk_office_tickets_today", {{"state", "no_show"}}), 3);
    EXPECT_EQ(value(p, "motcua_kiosk_ratings_today", {{"level", "very_satisfied"}}), 6);
}

TEST(HealthMetrics, ProblemsAreOneSeriesPerCode) {
    HealthSnapshot s = degraded();
    s.problems.push_back({"printer.out_of_paper", "repeated by the app"});
    const auto p = metrics(s);
    EXPECT_EQ(value(p, "motcua_kiosk_healthy"), 0);
    EXPECT_EQ(value(p, "motcua_kiosk_printer_ok"), 0);
    EXPECT_EQ(value(p, "motcua_kiosk_problems"), 3);
    EXPECT_EQ(value(p, "motcua_kiosk_problem", {{"code", "printer.out_of_paper"}}), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_problem", {{"code", "queue.store_unreachable"}}), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_queue_store_ok", {{"store", "postgres"}}), 0);
    EXPECT_EQ(value(p, "motcua_kiosk_print_failures_today"), 3);
    EXPECT_EQ(value(p, "motcua_kiosk_printer_info", {{"fault", "out_of_paper"}}), 1);
}

TEST(HealthMetrics, UnknownCatalogAgeIsOmittedNotFaked) {
    HealthSnapshot s = healthy();
    s.catalog.age_days = -1;
    const auto p = metrics(s);
    EXPECT_FALSE(p.find("motcua_kiosk_catalog_age_days").has_value());
    EXPECT_FALSE(p.type.count("motcua_kiosk_catalog_age_days"));
}

TEST(HealthMetrics, LabelValuesAreEscaped) {
    EXPECT_EQ(health::escape_label_value(R"(a"b\c)"), R"(a\"b\\c)");
    EXPECT_EQ(health::escape_label_value("line1\nline2"), "line1\\nline2");
    EXPECT_EQ(health::escape_label_value("Phường"), "Phường");
    EXPECT_EQ(health::escape_help("a\\b\nc\"d"), "a\\\\b\\nc\"d");

    HealthSnapshot s = healthy();
    s.kiosk_id = "kiosk \"A\"\\01\nx";
    s.office_id = "Phường Dịch Vọng Hậu";
    s.printer.describe = "png:C:\\tickets\\";
    s.problems = {{"weird\"code\\with\nnewline", "x"}};
    const std::string text = health::render_metrics(s);
    EXPECT_NE(text.find(R"(kiosk_id="kiosk \"A\"\\01\nx")"), std::string::npos) << text;
    const auto p = test::parse_prometheus(text);
    ASSERT_EQ(p.error, "") << text;
    const auto info = p.find("motcua_kiosk_info");
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(info->labels.at("kiosk_id"), s.kiosk_id);
    EXPECT_EQ(info->labels.at("office_id"), s.office_id);
    EXPECT_EQ(value(p, "motcua_kiosk_printer_info", {{"describe", "png:C:\\tickets\\"}}), 1);
    EXPECT_EQ(value(p, "motcua_kiosk_problem", {{"code", "weird\"code\\with\nnewline"}}), 1);
}

TEST(HealthMetrics, ParserRejectsBrokenText) {
    // The test's own parser must be able to fail, or the tests above prove nothing.
    EXPECT_NE(test::parse_prometheus("motcua_kiosk_up{a=\"x} 1\n").error, "");
    EXPECT_NE(test::parse_prometheus("motcua_kiosk_up{a=\"x\"\"} 1\n").error, "");
    EXPECT_NE(test::parse_prometheus("motcua_kiosk_up one\n").error, "");
    EXPECT_NE(test::parse_prometheus("motcua_kiosk_up{a=\"\\q\"} 1\n").error, "");
    EXPECT_NE(test::parse_prometheus("m 1\nm 2\n").error, "");
    EXPECT_NE(test::parse_prometheus("m 1").error, "");
    EXPECT_EQ(test::parse_prometheus("# TYPE m gauge\nm{a=\"\\\"\"} 1\n").error, "");
}

TEST(Healthz, OkOrDegradedWithCodes) {
    EXPECT_EQ(health::render_healthz(healthy()), "ok\n");
    EXPECT_EQ(health::render_healthz(degraded()), "degraded: printer.out_of_paper,queue.store_unreachable\n");
    HealthSnapshot s = healthy();
    s.problems = {{"a,b\nc", ""}};
    EXPECT_EQ(health::render_healthz(s), "degraded: a_b_c\n");
}

TEST(DeriveProblems, HealthyHasNone) {
    EXPECT_TRUE(health::derive_problems(healthy()).empty());
}

TEST(DeriveProblems, EachSectionRaisesItsCode) {
    HealthSnapshot s = healthy();
    s.printer.fault = "paper_jam";
    s.queue.store_ok = false;
    s.catalog.age_days = 31;
    s.catalog.last_sync = "failed";
    s.catalog.last_sync_detail = "HTTP 503 from gateway";
    s.dossier.ok = false;
    s.scanner.camera_state = "error";
    s.config.source = "last_good";
    s.config.problems = 2;
    const auto problems = health::derive_problems(s);
    std::vector<std::string> codes;
    for (const auto& p : problems) {
        codes.push_back(p.code);
        EXPECT_FALSE(p.detail.empty()) << p.code;
    }
    EXPECT_EQ(codes,
              (std::vector<std::string>{"printer.paper_jam", "queue.store_unreachable", "catalog.stale",
                                        "catalog.sync_failed", "dossier.source_unavailable",
                                        "scanner.camera_error", "config.fallback"}));
    EXPECT_NE(problems[2].detail.find("31 days"), std::string::npos);
    EXPECT_EQ(problems[3].detail, "HTTP 503 from gateway");
    EXPECT_NE(problems[6].detail.find("last_good"), std::string::npos);
}

TEST(DeriveProblems, CatalogAgeLimitIsInclusive) {
    HealthSnapshot s = healthy();
    s.catalog.age_days = 30;
    EXPECT_TRUE(health::derive_problems(s).empty());
    EXPECT_EQ(health::derive_problems(s, {.catalog_max_age_days = 7}).size(), 1u);
    s.catalog.age_days = -1; // unknown age is not "stale"
    EXPECT_TRUE(health::derive_problems(s, {.catalog_max_age_days = 0}).empty());
}

TEST(ProblemStaffKey, PrinterReusesPrinterTable) {
    EXPECT_EQ(health::problem_staff_key("printer.out_of_paper"), "printer.fault.out_of_paper.staff");
    EXPECT_EQ(health::problem_staff_key("catalog.stale"), "health.problem.catalog.stale");
}

TEST(DeriveProblems, EmbeddedDefaultsWithoutAFileAreNotAFallback) {
    HealthSnapshot s = healthy();
    s.config.source = "defaults";
    s.config.problems = 0;
    EXPECT_TRUE(health::derive_problems(s).empty());
    s.config.problems = 1; // the file was broken: staff must know
    ASSERT_EQ(health::derive_problems(s).size(), 1u);
    EXPECT_EQ(health::derive_problems(s)[0].code, "config.fallback");
}
