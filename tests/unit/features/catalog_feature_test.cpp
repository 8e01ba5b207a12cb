// The procedures feature with doubles: the bundled catalog through an in-memory cache, a recording printer.
#include "fakes.hpp"

#include "kiosk/features/catalog/catalog_commands.hpp"
#include "kiosk/features/catalog/catalog_feature.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace kiosk::features;
using namespace kiosk::features::catalog_ui;

namespace {

struct CatalogFixture : test::FeatureFixture<CatalogFeature> {
    void type(const std::string& keys) {
        for (char ch : keys)
            ASSERT_TRUE(feature->handle_input(ui::KeyboardInput{std::string(1, ch)}));
    }
};

TEST_F(CatalogFixture, LoadsTheBundledCatalogOffTheUiThread) {
    ASSERT_NE(feature->model().catalog, nullptr);
    EXPECT_GT(feature->model().catalog->procedures.size(), 100u);
    EXPECT_NE(feature->model().index, nullptr);
    health::HealthSnapshot s;
    feature->report(s);
    EXPECT_EQ(s.catalog.source, "bundled");
    EXPECT_EQ(s.catalog.last_sync, "disabled");
}

TEST_F(CatalogFixture, TelexTypingSearchesOnEveryKey) {
    shell.go(kSearchScreen);
    type("khai sinh");
    EXPECT_EQ(feature->model().query, "khai sinh");
    ASSERT_FALSE(feature->model().results.empty());
    type("h"); // nothing is lost: the composer keeps the text it had
    EXPECT_EQ(feature->model().query, "khai sinhh");
    ASSERT_TRUE(feature->handle_input(ui::KeyboardBackspace{}));
    EXPECT_EQ(feature->model().query, "khai sinh");
}

TEST_F(CatalogFixture, TypingElsewhereIsNotTaken) {
    shell.go(kBrowseScreen);
    EXPECT_FALSE(feature->handle_input(ui::KeyboardInput{"a"}));
}

TEST_F(CatalogFixture, OpeningAProcedureNavigatesAndPrintingUsesThePrinter) {
    shell.go(kBrowseScreen);
    const std::string code = feature->model().catalog->procedures.front().code;
    feature->handle(ui::FeatureCommand::of(OpenProcedure{code}));
    EXPECT_EQ(shell.screen(), kDetailScreen);
    EXPECT_EQ(feature->model().procedure, code);
    feature->handle(ui::FeatureCommand::of(PrintChecklist{code}));
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(feature->model().print_status_key, "procedures.printed");
    ASSERT_EQ(parts->printer_double->printed().size(), 1u);
    EXPECT_EQ(parts->printer_double->printed()[0].title, "checklist-" + code);
}

TEST_F(CatalogFixture, BackFromAFieldReturnsToTheFieldList) {
    shell.go(kBrowseScreen);
    feature->handle(ui::FeatureCommand::of(BrowseField{"ho-tich"}));
    shell.back();
    EXPECT_EQ(shell.screen(), kBrowseScreen);
    EXPECT_TRUE(feature->model().field.empty());
}

TEST_F(CatalogFixture, ReturningFromADetailKeepsTheSearch) {
    shell.go(kSearchScreen);
    type("ket hon");
    ASSERT_FALSE(feature->model().results.empty());
    const auto& hit = feature->model().results.front();
    feature->handle(
        ui::FeatureCommand::of(OpenProcedure{feature->model().catalog->procedures[hit.procedure].code}));
    shell.back();
    EXPECT_EQ(shell.screen(), kSearchScreen);
    EXPECT_EQ(feature->model().query, "ket hon");
}

TEST_F(CatalogFixture, ForgetClearsTheCitizensSearch) {
    shell.go(kSearchScreen);
    type("ho khau");
    feature->forget();
    EXPECT_TRUE(feature->model().query.empty());
    EXPECT_TRUE(feature->model().results.empty());
    ASSERT_NE(feature->model().catalog, nullptr); // office data stays
}

} // namespace
