// compute_stats and the `kioskctl catalog stats|validate` work functions.
#include "kiosk/core/catalog/cli_commands.hpp"
#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/stats.hpp"
#include "kiosk/core/catalog/text_check.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/text/utf8.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace kiosk::catalog;
using kiosk::text::is_valid_utf8;

namespace {
std::filesystem::path fixture_path() {
    return catalog_test::data_dir() / "small_catalog.json";
}
} // namespace

TEST(CatalogStats, CountsPerLevelFieldAndChannel) {
    auto catalog = load_catalog(catalog_test::fixture_text());
    ASSERT_TRUE(catalog.ok());
    const CatalogStats stats = compute_stats(*catalog);
    EXPECT_EQ(stats.procedures, 3u);
    EXPECT_EQ(stats.sources, 2u);
    EXPECT_EQ(stats.units, 2u);
    EXPECT_EQ(stats.generated, "2026-11-27");
    EXPECT_EQ(stats.per_level[static_cast<int>(Level::commune)], 2u);
    EXPECT_EQ(stats.per_level[static_cast<int>(Level::district)], 1u);
    EXPECT_EQ(stats.per_level[static_cast<int>(Level::province)], 1u);
    EXPECT_EQ(stats.per_online_level[static_cast<int>(OnlineLevel::none)], 1u);
    EXPECT_EQ(stats.per_channel_kind[static_cast<int>(ChannelKind::in_person)], 2u);
    EXPECT_EQ(stats.per_channel_kind[static_cast<int>(ChannelKind::online)], 1u);
    ASSERT_EQ(stats.per_field.size(), 3u);
    EXPECT_EQ(stats.per_field[0].id, "ho-tich");
    EXPECT_EQ(stats.per_field[0].procedures, 1u);
    EXPECT_EQ(stats.documents, 2u);
    EXPECT_EQ(stats.with_fee_vnd, 2u);
    EXPECT_EQ(stats.oldest_checked, "2024-02-29");
    EXPECT_EQ(stats.newest_checked, "2026-11-27");
}

TEST(CatalogCli, StatsJsonIsValidJson) {
    std::ostringstream out, err;
    ASSERT_EQ(catalog_stats_command({"--json", "--file", fixture_path().string()}, out, err, "/nonexistent"),
              0)
        << err.str();
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["procedures"], 3);
    EXPECT_EQ(doc["per_level"]["commune"], 2);
    EXPECT_EQ(doc["per_field"][1]["name_vi"], "Chứng thực");
    EXPECT_EQ(doc["sources"], 2);
}

TEST(CatalogCli, StatsTextAndErrors) {
    std::ostringstream out, err;
    EXPECT_EQ(catalog_stats_command({}, out, err, fixture_path()), 0) << err.str();
    EXPECT_NE(out.str().find("procedures        3"), std::string::npos) << out.str();
    std::ostringstream out2, err2;
    EXPECT_EQ(catalog_stats_command({"--bogus"}, out2, err2, fixture_path()), 2);
    std::ostringstream out3, err3;
    EXPECT_EQ(catalog_stats_command({}, out3, err3, "/nonexistent/catalog.json"), 1);
    EXPECT_NE(err3.str().find("/nonexistent/catalog.json"), std::string::npos);
}

TEST(CatalogCli, ValidatePrintsEveryProblem) {
    catalog_test::TempDir dir;
    auto doc = catalog_test::fixture_json();
    doc["procedures"][0]["channels"][0]["kind"] = "walk-in";
    doc["procedures"][2]["field"] = "nope";
    const auto bad = dir.path() / "bad.json";
    std::ofstream(bad) << catalog_test::dump(doc);

    std::ostringstream out, err;
    EXPECT_EQ(catalog_validate_command({bad.string()}, out, err), 1);
    EXPECT_NE(out.str().find(
                  "procedures[0].channels[0].kind: expected one of in_person|online|post, got \"walk-in\""),
              std::string::npos)
        << out.str();
    EXPECT_NE(out.str().find("procedures[2].field: unknown field id \"nope\""), std::string::npos);
    EXPECT_NE(out.str().find("2 problems"), std::string::npos);

    std::ostringstream json_out, json_err;
    EXPECT_EQ(catalog_validate_command({bad.string(), "--json"}, json_out, json_err), 1);
    const auto report = nlohmann::json::parse(json_out.str());
    EXPECT_EQ(report["ok"], false);
    EXPECT_EQ(report["problems"].size(), 2u);
    EXPECT_EQ(report["problems"][0]["path"], "procedures[0].channels[0].kind");

    std::ostringstream ok_out, ok_err;
    EXPECT_EQ(catalog_validate_command({fixture_path().string()}, ok_out, ok_err), 0);
    EXPECT_NE(ok_out.str().find("OK, 3 procedures"), std::string::npos);
    std::ostringstream u_out, u_err;
    EXPECT_EQ(catalog_validate_command({}, u_out, u_err), 2);
    std::ostringstream m_out, m_err;
    EXPECT_EQ(catalog_validate_command({(dir.path() / "missing.json").string()}, m_out, m_err), 1);
    EXPECT_NE(m_out.str().find("missing.json"), std::string::npos);
}

TEST(CatalogCli, ValidateJsonSurvivesHostileBytes) {
    catalog_test::TempDir dir;
    const auto bad = dir.path() / "bytes.json";
    std::ofstream(bad, std::ios::binary) << "{\"format\": \"\xFF\xFE\x01\"}";
    std::ostringstream out, err;
    EXPECT_EQ(catalog_validate_command({bad.string(), "--json"}, out, err), 1);
    EXPECT_TRUE(nlohmann::json::accept(out.str())) << out.str();
}

TEST(TextCheck, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("Hà Nội ₫ 𝄞"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE1\xBA"));         // cut short
    EXPECT_FALSE(is_valid_utf8("\x80"));
}

TEST(TextCheck, NfcAcceptsPrecomposedVietnamese) {
    EXPECT_TRUE(check_text("Đăng ký khai sinh, cấp bản sao trích lục hộ tịch; ỹ ữ ợ ậ ặ ễ").ok);
    EXPECT_TRUE(check_text("e\xCC\x81").ok == false); // e + acute
    EXPECT_TRUE(check_text("\xCC\x81 alone").ok);     // a mark with no base letter: NFC already
    EXPECT_TRUE(check_text("x\xCC\xA3\xCC\x81").ok);  // no precomposed x with dot below or acute
}

TEST(TextCheck, ExcerptsAreShortAndValid) {
    const std::string cut = quote_excerpt("Thủ tục đăng ký khai sinh cho trẻ em", 10);
    EXPECT_TRUE(is_valid_utf8(cut));
    EXPECT_LT(cut.size(), 20u);
    EXPECT_EQ(quote_excerpt("a\"b\n"), "\"a\\\"b\\u000A\"");
    EXPECT_EQ(quote_excerpt("\xFF"), "\"\\xFF\"");
}

TEST(CatalogI18n, EveryEnumHasVietnameseAndEnglishText) {
    const auto path = std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "i18n" / "catalog.tsv";
    kiosk::i18n::Translator translator;
    auto status = translator.add_table(catalog_test::read_file(path), path.string());
    ASSERT_TRUE(status.ok()) << status.error().message;
    std::vector<std::string> keys;
    for (Level level : kAllLevels)
        keys.push_back(i18n_key(level));
    for (ChannelKind kind : kAllChannelKinds)
        keys.push_back(i18n_key(kind));
    for (OnlineLevel level : kAllOnlineLevels)
        keys.push_back(i18n_key(level));
    for (const auto& key : keys) {
        EXPECT_TRUE(translator.has(key)) << key;
        EXPECT_NE(translator.tr(key, kiosk::i18n::Lang::vi), translator.tr(key, kiosk::i18n::Lang::en))
            << key;
        EXPECT_TRUE(check_text(translator.tr(key, kiosk::i18n::Lang::vi)).ok) << key;
    }
    EXPECT_EQ(translator.tr("catalog.level.commune", kiosk::i18n::Lang::vi), "Cấp xã, phường");
}
