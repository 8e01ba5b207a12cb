// The bundled catalog as a citizen sees it (issue 12): every record names a level that exists in Hà Nội after
// 1 July 2025 (or says to ask at the counter), says where that assignment comes from and when, and its
// citizen-facing texts are present and free of the editorial notes that belong to staff.

#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/stats.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace kiosk::catalog {
namespace {

Catalog bundled() {
    auto path = std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "catalog" / "procedures.json";
    auto loaded = load_catalog_file(path);
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().message);
    return loaded ? loaded.value() : Catalog{};
}

// Words that are notes about a source, or name an administrative level/office that no longer exists.
const std::vector<std::string>& forbidden() {
    static const std::vector<std::string> words = {
        "nguồn",    "đơn vị không ghi", "không phải Hà Nội", "mức của",       "?", "cấp huyện", "quận, huyện",
        "thị trấn", "LĐTBXH",           "trước 07/2025",     "Phòng Tư pháp",
    };
    return words;
}

// What is wrong with one citizen-facing text, or empty.
std::string problem(const std::string& text) {
    if (text.find_first_not_of(" \t") == std::string::npos) return "is empty";
    for (const auto& word : forbidden())
        if (text.find(word) != std::string::npos) return "contains \"" + word + "\"";
    // A bare number with no unit ("1", "3 (…)") is a raw value, not a time a citizen understands.
    static const std::regex raw_number(R"(^\s*\d+\s*(\(.*)?$)");
    if (std::regex_match(text, raw_number)) return "is a bare number";
    return {};
}

void expect_clean(const Procedure& p, const std::string& what, const std::string& text,
                  std::vector<std::string>& failures) {
    if (auto why = problem(text); !why.empty())
        failures.push_back(p.code + " " + what + " " + why + ": " + text);
}

TEST(CitizenCatalog, EveryRecordIsFitForACitizenScreen) {
    Catalog catalog = bundled();
    ASSERT_FALSE(catalog.procedures.empty());
    std::vector<std::string> failures;
    for (const auto& p : catalog.procedures) {
        expect_clean(p, "name", p.name, failures);
        expect_clean(p, "name_en", p.name_en, failures);
        for (Level level : p.levels)
            if (level == Level::district) failures.push_back(p.code + " uses the abolished district level");
        if (p.level_basis.source.empty() || p.level_basis.date.empty())
            failures.push_back(p.code + " has no source and date for its level");
        if (!p.agency.empty()) expect_clean(p, "agency", p.agency, failures);
        for (const auto& step : p.steps)
            expect_clean(p, "step", step, failures);
        for (const auto& d : p.documents)
            expect_clean(p, "document", d.name, failures);
        for (const auto& c : p.conditions)
            expect_clean(p, "condition", c, failures);
        for (const auto& ch : p.channels) {
            // A channel with a time or fee in the source must tell the citizen something plain about it.
            if (!ch.time.empty() || ch.days) {
                expect_clean(p, "time_plain", ch.time_plain.vi, failures);
                expect_clean(p, "time_plain.en", ch.time_plain.en, failures);
            }
            if (!ch.fee.empty() || ch.fee_vnd) {
                expect_clean(p, "fee_plain", ch.fee_plain.vi, failures);
                expect_clean(p, "fee_plain.en", ch.fee_plain.en, failures);
            }
        }
    }
    EXPECT_TRUE(failures.empty()) << failures.size() << " problem(s), first: " << failures.front();
    for (std::size_t i = 0; i < failures.size() && i < 20; ++i)
        ADD_FAILURE() << failures[i];
}

TEST(CitizenCatalog, TheCheckCatchesWhatItShould) {
    EXPECT_EQ(problem("1 (nguồn không ghi đơn vị)"), "contains \"nguồn\"");
    EXPECT_EQ(problem("3"), "is a bare number");
    EXPECT_EQ(problem("  "), "is empty");
    EXPECT_EQ(problem("UBND cấp huyện"), "contains \"cấp huyện\"");
    EXPECT_EQ(problem("Lệ phí 50.000 đồng (mức của Quảng Trị, không phải Hà Nội)"),
              "contains \"không phải Hà Nội\"");
    EXPECT_EQ(problem("3 ngày làm việc"), "");
    EXPECT_EQ(problem("Miễn phí"), "");
    EXPECT_EQ(problem("50.000 ₫"), "");
}

TEST(CitizenCatalog, StatsCountLevelsWithoutTheDistrictLevel) {
    Catalog catalog = bundled();
    auto stats = compute_stats(catalog);
    auto json = nlohmann::json::parse(stats_to_json(stats));
    EXPECT_FALSE(json["per_level"].contains("district"));
    EXPECT_TRUE(json["per_level"].contains("commune"));
    EXPECT_TRUE(json["per_level"].contains("province"));
    EXPECT_TRUE(json["per_level"].contains("unconfirmed"));
    std::size_t unconfirmed = 0;
    for (const auto& p : catalog.procedures)
        unconfirmed += p.levels.empty();
    EXPECT_EQ(json["per_level"]["unconfirmed"].get<std::size_t>(), unconfirmed);
    EXPECT_GT(json["level_changed_since_2025"].get<std::size_t>(), 0u);
    EXPECT_EQ(json["with_level_basis"].get<std::size_t>(), catalog.procedures.size());
}

} // namespace
} // namespace kiosk::catalog
