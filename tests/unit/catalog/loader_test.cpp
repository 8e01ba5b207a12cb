#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/text_check.hpp"
#include "kiosk/core/text/utf8.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace kiosk::catalog;
using catalog_test::dump;
using catalog_test::fixture_json;
using catalog_test::has_problem;
using catalog_test::message_at;
using catalog_test::validate;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    if (pos != std::string::npos) text.replace(pos, from.size(), to);
    return text;
}

} // namespace

TEST(CatalogLoader, LoadsTheFixtureIntoTheModel) {
    LoadReport report;
    auto catalog = load_catalog(catalog_test::fixture_text(), report);
    ASSERT_TRUE(catalog.ok()) << report.summary(50);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(catalog->format, "motcua-catalog/1");
    EXPECT_EQ(catalog->generated, "2026-11-27");
    ASSERT_EQ(catalog->sources.size(), 2u);
    ASSERT_EQ(catalog->units.size(), 2u);
    EXPECT_EQ(catalog->units[1].parent, "HN");
    EXPECT_EQ(catalog->units[0].parent, ""); // null parent
    EXPECT_EQ(catalog->units[0].level, Level::province);
    ASSERT_EQ(catalog->fields.size(), 3u);
    EXPECT_EQ(catalog->find_field("ho-tich")->name.en, "Civil status");
    EXPECT_EQ(catalog->find_field("dat-dai")->name.en, "");
    ASSERT_EQ(catalog->procedures.size(), 3u);

    const Procedure* birth = catalog->find("1.001193");
    ASSERT_NE(birth, nullptr);
    EXPECT_EQ(birth->name, "Đăng ký khai sinh");
    EXPECT_EQ(birth->levels, std::vector<Level>{Level::commune});
    ASSERT_EQ(birth->channels.size(), 2u);
    EXPECT_EQ(birth->channels[0].kind, ChannelKind::in_person);
    EXPECT_EQ(birth->channels[0].days, 1);
    EXPECT_EQ(birth->channels[0].fee_vnd, 0);
    EXPECT_EQ(birth->channels[1].kind, ChannelKind::online);
    EXPECT_FALSE(birth->channels[1].days.has_value());
    ASSERT_EQ(birth->documents.size(), 2u);
    EXPECT_EQ(birth->documents[0].copies, "01 bản chính");
    EXPECT_EQ(birth->online_level, OnlineLevel::full);
    EXPECT_EQ(birth->keywords.size(), 2u);

    const Procedure* copy = catalog->find("2.000815");
    ASSERT_NE(copy, nullptr);
    EXPECT_TRUE(copy->has_level(Level::district));
    EXPECT_EQ(copy->channels[0].fee_vnd, 2000);
    EXPECT_EQ(catalog->find("HN-001")->online_level, OnlineLevel::none); // absent = none
    EXPECT_EQ(catalog->find("nope"), nullptr);
}

TEST(CatalogLoader, WrongEnumGivesThePathAndTheChoices) {
    auto doc = fixture_json();
    doc["procedures"][0]["channels"][0]["kind"] = "walk-in";
    const LoadReport report = validate(doc);
    ASSERT_EQ(report.problems.size(), 1u) << report.summary(20);
    EXPECT_EQ(report.problems[0].to_string(),
              "procedures[0].channels[0].kind: expected one of in_person|online|post, got \"walk-in\"");
}

TEST(CatalogLoader, ReportsEveryProblemNotJustTheFirst) {
    auto doc = fixture_json();
    doc["procedures"][0]["channels"][1]["kind"] = "fax";
    doc["procedures"][1]["levels"] = {"commune", "ward"};
    doc["procedures"][2]["checked"] = "29/02/2024";
    doc["fields"][2]["name"]["vi"] = 12;
    doc["generated"] = "2026-13-01";
    const LoadReport report = validate(doc);
    EXPECT_EQ(report.total(), 5u) << report.summary(20);
    EXPECT_TRUE(has_problem(report, "procedures[0].channels[1].kind", "got \"fax\""));
    EXPECT_TRUE(has_problem(report, "procedures[1].levels[1]", "expected one of province|district|commune"));
    EXPECT_TRUE(
        has_problem(report, "procedures[2].checked", "expected a date YYYY-MM-DD, got \"29/02/2024\""));
    EXPECT_TRUE(has_problem(report, "fields[2].name.vi", "expected a string, got number 12"));
    EXPECT_TRUE(has_problem(report, "generated", "got \"2026-13-01\""));
    auto loaded = load_catalog(dump(doc));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().kind, "invalid_catalog");
    EXPECT_NE(loaded.error().message.find("5 problems"), std::string::npos) << loaded.error().message;
}

TEST(CatalogLoader, MissingRequiredKeys) {
    auto doc = fixture_json();
    for (const char* key : {"code", "name", "levels", "field", "source", "checked"})
        doc["procedures"][1].erase(key);
    doc.erase("sources");
    doc["procedures"][0]["channels"][0].erase("kind");
    doc["procedures"][0]["channels"][1].erase("time"); // optional: sources are often silent
    doc["procedures"][0]["documents"][0].erase("name");
    const LoadReport report = validate(doc);
    for (const char* key : {"code", "name", "levels", "field", "source", "checked"})
        EXPECT_EQ(message_at(report, std::string("procedures[1].") + key), "missing required key");
    EXPECT_EQ(message_at(report, "sources"), "missing required key");
    EXPECT_EQ(message_at(report, "procedures[0].channels[0].kind"), "missing required key");
    EXPECT_EQ(message_at(report, "procedures[0].channels[1].time"), "<none> in " + report.summary(50));
    EXPECT_EQ(message_at(report, "procedures[0].documents[0].name"), "missing required key");
    // Without sources, the sources named by procedures 0 and 2 are undeclared too.
    EXPECT_TRUE(has_problem(report, "procedures[0].source", "declared source id"));
}

TEST(CatalogLoader, EmptyAndBlankRequiredStrings) {
    auto doc = fixture_json();
    doc["procedures"][0]["name"] = "   ";
    doc["procedures"][1]["levels"] = nlohmann::json::array();
    doc["procedures"][2]["code"] = "";
    const LoadReport report = validate(doc);
    EXPECT_EQ(message_at(report, "procedures[0].name"), "must not be empty");
    EXPECT_TRUE(has_problem(report, "procedures[1].levels", "expected a non-empty array"));
    EXPECT_EQ(message_at(report, "procedures[2].code"), "must not be empty");
}

TEST(CatalogLoader, UnknownKeysAtEveryLevel) {
    auto doc = fixture_json();
    doc["version"] = 2;
    doc["procedures"][0]["fee"] = "x";
    doc["procedures"][0]["channels"][0]["price"] = 1;
    doc["fields"][0]["name"]["fr"] = "État civil";
    doc["procedures"][0]["weird key"] = 1;
    const LoadReport report = validate(doc);
    EXPECT_EQ(report.total(), 5u) << report.summary(20);
    EXPECT_TRUE(has_problem(report, "version", "unknown key (allowed: format, title,"));
    EXPECT_TRUE(has_problem(report, "procedures[0].fee", "unknown key"));
    EXPECT_TRUE(has_problem(report, "procedures[0].channels[0].price", "unknown key"));
    EXPECT_TRUE(has_problem(report, "fields[0].name.fr", "unknown key (allowed: vi, en)"));
    EXPECT_TRUE(has_problem(report, "procedures[0][\"weird key\"]", "unknown key"));
}

TEST(CatalogLoader, WrongTypesAndRanges) {
    auto doc = fixture_json();
    auto& channel = doc["procedures"][0]["channels"][0];
    channel["days"] = "1";
    channel["fee_vnd"] = -5;
    doc["procedures"][0]["channels"][1]["days"] = 1.5;
    doc["procedures"][1]["channels"][0]["fee_vnd"] = 18446744073709551615ULL;
    doc["procedures"][0]["levels"] = "commune";
    doc["procedures"][0]["steps"] = {"ok", 3, ""};
    doc["procedures"][2]["documents"] = "none";
    doc["units"][0] = "HN";
    const LoadReport report = validate(doc);
    EXPECT_EQ(message_at(report, "procedures[0].channels[0].days"),
              "expected an integer in 0..3650, got \"1\"");
    EXPECT_EQ(message_at(report, "procedures[0].channels[0].fee_vnd"),
              "expected an integer in 0..1000000000000, got number -5");
    EXPECT_TRUE(has_problem(report, "procedures[0].channels[1].days", "got number 1.5"));
    EXPECT_TRUE(has_problem(report, "procedures[1].channels[0].fee_vnd", "got number 18446744073709551615"));
    EXPECT_TRUE(has_problem(report, "procedures[0].levels", "expected a non-empty array"));
    EXPECT_EQ(message_at(report, "procedures[0].steps[1]"), "expected a string, got number 3");
    EXPECT_EQ(message_at(report, "procedures[0].steps[2]"), "must not be empty");
    EXPECT_TRUE(has_problem(report, "procedures[2].documents", "expected an array, got \"none\""));
    EXPECT_EQ(message_at(report, "units[0]"), "expected an object, got \"HN\"");
}

TEST(CatalogLoader, RootMustBeAnObjectOfTheRightFormat) {
    EXPECT_EQ(message_at(validate_catalog("[]"), "$"), "expected an object, got an array");
    auto doc = fixture_json();
    doc["format"] = "motcua-catalog/2";
    EXPECT_EQ(message_at(validate(doc), "format"), "expected \"motcua-catalog/1\", got \"motcua-catalog/2\"");
    doc = fixture_json();
    doc["procedures"] = nlohmann::json::array();
    EXPECT_EQ(message_at(validate(doc), "procedures"), "must not be empty");
}

TEST(CatalogLoader, DuplicateCodesAndIds) {
    auto doc = fixture_json();
    doc["procedures"][2]["code"] = "1.001193";
    doc["fields"][1]["id"] = "ho-tich";
    doc["sources"][1]["id"] = "dvcqg-crawl";
    doc["procedures"][1]["levels"] = {"commune", "commune"};
    const LoadReport report = validate(doc);
    EXPECT_EQ(message_at(report, "procedures[2].code"),
              "duplicate procedure code \"1.001193\" (first at procedures[0].code)");
    EXPECT_EQ(message_at(report, "fields[1].id"), "duplicate field id \"ho-tich\" (first at fields[0].id)");
    EXPECT_TRUE(has_problem(report, "sources[1].id", "duplicate source id"));
    EXPECT_EQ(message_at(report, "procedures[1].levels[1]"), "level commune is listed twice");
}

TEST(CatalogLoader, DanglingReferences) {
    auto doc = fixture_json();
    doc["procedures"][0]["field"] = "ho-tic";
    doc["procedures"][1]["source"] = "tests: typo";
    doc["units"][1]["parent"] = "HCM";
    const LoadReport report = validate(doc);
    EXPECT_EQ(message_at(report, "procedures[0].field"), "unknown field id \"ho-tic\" (not in \"fields\")");
    EXPECT_TRUE(has_problem(report, "procedures[1].source", "got \"tests: typo\""));
    EXPECT_EQ(message_at(report, "units[1].parent"), "unknown unit code \"HCM\"");
}

TEST(CatalogLoader, UnitParentCycle) {
    auto doc = fixture_json();
    doc["units"][0]["parent"] = "HN-CG";
    const LoadReport report = validate(doc);
    EXPECT_TRUE(has_problem(report, "units[0].parent", "loops")) << report.summary(10);
}

TEST(CatalogLoader, DatesIdsAndUrls) {
    auto doc = fixture_json();
    doc["procedures"][0]["checked"] = "2026-02-29"; // not a leap year
    doc["procedures"][1]["checked"] = "2024-02-29"; // leap year: fine
    doc["procedures"][2]["code"] = "HN 001";
    doc["procedures"][0]["online_url"] = "dichvucong.gov.vn/p";
    doc["sources"][0]["url"] = "https://x y";
    const LoadReport report = validate(doc);
    EXPECT_EQ(report.total(), 4u) << report.summary(20);
    EXPECT_TRUE(has_problem(report, "procedures[0].checked", "\"2026-02-29\""));
    EXPECT_TRUE(has_problem(report, "procedures[2].code", "got \"HN 001\""));
    EXPECT_TRUE(has_problem(report, "procedures[0].online_url", "http(s)://"));
    EXPECT_TRUE(has_problem(report, "sources[0].url", "http(s)://"));
}

TEST(CatalogLoader, DuplicateJsonKeyInOneObject) {
    const std::string text = replace_once(catalog_test::fixture_text(), "\"code\": \"HN-001\",",
                                          "\"code\": \"HN-001\", \"code\": \"HN-002\",");
    const LoadReport report = validate_catalog(text);
    EXPECT_EQ(message_at(report, "procedures[2].code"), "duplicate key in the same object");
}

TEST(CatalogLoader, SyntaxErrorsGiveLineAndPath) {
    const std::string good = catalog_test::fixture_text();
    const LoadReport truncated = validate_catalog(good.substr(0, good.size() / 2));
    ASSERT_EQ(truncated.total(), 1u) << truncated.summary(5);
    EXPECT_NE(truncated.problems[0].message.find("invalid JSON"), std::string::npos);
    EXPECT_NE(truncated.problems[0].path.find("procedures["), std::string::npos)
        << truncated.problems[0].path;

    const LoadReport trailing = validate_catalog(good + " x");
    ASSERT_EQ(trailing.total(), 1u);
    EXPECT_NE(trailing.problems[0].message.find("line"), std::string::npos) << trailing.problems[0].message;

    EXPECT_FALSE(validate_catalog("").ok());
    EXPECT_FALSE(validate_catalog("{\"format\": \"\\ud800\"}").ok()); // lone surrogate escape
    EXPECT_FALSE(validate_catalog("{\"a\": 1,}").ok());
}

TEST(CatalogLoader, DeepNestingIsRefusedWithoutCrashing) {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const LoadReport report = validate_catalog(deep);
    ASSERT_EQ(report.total(), 1u);
    EXPECT_NE(report.problems[0].message.find("nesting deeper than 16 levels"), std::string::npos);
    const std::string deep_objects = [] {
        std::string text;
        for (int i = 0; i < 50000; ++i)
            text += "{\"a\":";
        return text + "1" + std::string(50000, '}');
    }();
    EXPECT_TRUE(
        has_problem(validate_catalog(deep_objects), "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a", "nesting deeper"));
}

TEST(CatalogLoader, SizeLimitsAreEnforced) {
    LoadLimits limits;
    limits.max_bytes = 1000;
    LoadReport report;
    auto result = load_catalog(catalog_test::fixture_text(), report, limits);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "too_large");
    EXPECT_NE(report.problems.at(0).message.find("more than the limit of 1000"), std::string::npos);

    auto doc = fixture_json();
    doc["procedures"][0]["result"] = std::string(70000, 'x');
    const LoadReport big = validate(doc);
    EXPECT_TRUE(
        has_problem(big, "procedures[0].result", "string of 70000 bytes is longer than the limit of 65536"));
}

TEST(CatalogLoader, ProblemListIsCappedButCounted) {
    auto doc = fixture_json();
    const auto good = doc["procedures"][0];
    for (int i = 0; i < 300; ++i) {
        auto bad = good;
        bad["code"] = "X-" + std::to_string(i);
        bad["channels"][0]["kind"] = "walk-in";
        bad["field"] = "nope";
        doc["procedures"].push_back(bad);
    }
    LoadLimits limits;
    limits.max_problems = 50;
    LoadReport report;
    (void)load_catalog(dump(doc), report, limits);
    EXPECT_EQ(report.problems.size(), 50u);
    EXPECT_EQ(report.total(), 600u);
    EXPECT_NE(report.summary(3).find("600 problems"), std::string::npos);
    EXPECT_NE(report.summary(3).find("... and 597 more"), std::string::npos);
}

TEST(CatalogLoader, InvalidUtf8IsReportedWithItsPath) {
    const std::string text = replace_once(catalog_test::fixture_text(), "Cung cấp", "Cung c\xE1\xBA");
    const LoadReport report = validate_catalog(text);
    ASSERT_EQ(report.total(), 1u);
    EXPECT_EQ(report.problems[0].path, "procedures[2].name");
    EXPECT_NE(report.problems[0].message.find("UTF-8"), std::string::npos) << report.problems[0].message;
    EXPECT_TRUE(kiosk::text::is_valid_utf8(report.problems[0].message)); // hostile bytes escaped
}

TEST(CatalogLoader, DecomposedVietnameseIsRejected) {
    auto doc = fixture_json();
    doc["procedures"][0]["name"] = "Đăng ky\xCC\x81 khai sinh";    // y + U+0301
    doc["procedures"][1]["name"] = "Chư\xCC\x81ng thực";           // ư + U+0301 (→ ứ)
    doc["procedures"][2]["name"] = "Cung c\xE1\xBA\xA1\xCC\x82p";  // ạ + U+0302 (→ ậ)
    doc["fields"][0]["name"]["vi"] = "Ho\xCC\xA3 ti\xCC\x81\x63h"; // o + U+0323
    doc["fields"][1]["name"]["en"] = "Ohm \xE2\x84\xA6";           // U+2126 never NFC
    doc["fields"][2]["name"]["vi"] =
        "q\xCC\x81 q\xCC\x81\xCC\xA3"; // q+acute is NFC; acute before dot: bad order
    const LoadReport report = validate(doc);
    EXPECT_TRUE(has_problem(report, "procedures[0].name", "not NFC: U+0301")) << report.summary(20);
    EXPECT_TRUE(has_problem(report, "procedures[0].name", "'y'"));
    EXPECT_TRUE(has_problem(report, "procedures[1].name", "combines with 'ư'"));
    EXPECT_TRUE(has_problem(report, "procedures[2].name", "U+0302"));
    EXPECT_TRUE(has_problem(report, "fields[0].name.vi", "U+0323"));
    EXPECT_TRUE(has_problem(report, "fields[1].name.en", "U+2126"));
    EXPECT_TRUE(has_problem(report, "fields[2].name.vi", "canonical order"));
    EXPECT_EQ(report.total(), 6u) << report.summary(20);
}

TEST(CatalogLoader, ControlCharactersAndReplacementCharacter) {
    auto doc = fixture_json();
    doc["procedures"][0]["steps"][0] = std::string("Nộp\x07 hồ sơ");
    doc["procedures"][0]["steps"][1] = std::string("Nộp\0hồ", 7);
    doc["procedures"][1]["name"] = "Ch\xEF\xBF\xBDng thực";
    doc["procedures"][2]["name"] = "Dòng 1\nDòng 2\tcột"; // LF and TAB are allowed
    const LoadReport report = validate(doc);
    EXPECT_TRUE(has_problem(report, "procedures[0].steps[0]", "control character U+0007"));
    EXPECT_TRUE(has_problem(report, "procedures[0].steps[1]", "control character U+0000"));
    EXPECT_TRUE(has_problem(report, "procedures[1].name", "U+FFFD"));
    EXPECT_EQ(report.total(), 3u) << report.summary(10);
}

TEST(CatalogLoader, NullMeansAbsentForOptionalKeysOnly) {
    auto doc = fixture_json();
    doc["procedures"][0]["name_en"] = nullptr;
    doc["procedures"][0]["channels"][0]["days"] = nullptr;
    doc["procedures"][1]["code"] = nullptr;
    const LoadReport report = validate(doc);
    EXPECT_EQ(report.total(), 1u) << report.summary(10);
    EXPECT_EQ(message_at(report, "procedures[1].code"), "must not be null");
}

TEST(CatalogLoader, FileLoading) {
    auto missing = load_catalog_file(catalog_test::data_dir() / "does-not-exist.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, "not_found");
    auto ok = load_catalog_file(catalog_test::data_dir() / "small_catalog.json");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->procedures.size(), 3u);
    auto too_large = read_catalog_text(catalog_test::data_dir() / "small_catalog.json", 100);
    ASSERT_FALSE(too_large.ok());
    EXPECT_EQ(too_large.error().kind, "too_large");
}

// The real bundled catalog (written by the catalog-data engineer). Skips only while the file does not exist.
TEST(CatalogLoader, BundledCatalogIsValid) {
    const auto path = std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "catalog" / "procedures.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present yet";
    LoadReport report;
    auto catalog = load_catalog_file(path, &report);
    ASSERT_TRUE(catalog.ok()) << report.summary(100);
    EXPECT_GT(catalog->procedures.size(), 0u);
    for (const auto& procedure : catalog->procedures) {
        EXPECT_NE(catalog->find_field(procedure.field), nullptr) << procedure.code;
        EXPECT_EQ(catalog->find(procedure.code), &procedure) << "codes must be unique: " << procedure.code;
    }
}
