// UiRegistry: screens, home entries and command types route to the feature that registered them.
#include "fakes.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace kiosk::features;

namespace {

struct Ping {};
struct Pong {};

class Probe final : public Feature {
  public:
    std::vector<std::string> log;
    [[nodiscard]] std::string_view name() const override { return "probe"; }
    void register_ui(UiRegistry& r) override {
        r.add_screen(*this, {"probe.one", "probe.title", [](ui::UiContext&) {}});
        r.add_home_entry({"home-probe", "probe.title", "probe.hint", "probe.one", 50});
        r.add_command<Ping>(*this);
    }
    void start() override {}
    void handle(const ui::FeatureCommand& c) override { log.push_back(c.as<Ping>() ? "ping" : "other"); }
    [[nodiscard]] bool busy() const override { return false; }
    void report(health::HealthSnapshot&) const override {}
    void forget() override {}
    void reconfigure(ConfigPtr, PartsPtr, const runtime::PartsChange&) override {}
};

TEST(UiRegistry, RoutesByTypeAndScreen) {
    UiRegistry registry;
    Probe a, b;
    a.register_ui(registry);
    b.register_ui(registry); // the same ids again: the first owner keeps them
    EXPECT_EQ(registry.owner_of_screen("probe.one"), &a);
    EXPECT_EQ(registry.owner_of_command(typeid(Ping)), &a);
    EXPECT_EQ(registry.owner_of_command(typeid(Pong)), nullptr);
    EXPECT_EQ(registry.screen("nope"), nullptr);
}

TEST(UiRegistry, HomeEntriesSortByOrder) {
    UiRegistry registry;
    registry.add_home_entry({"c", "", "", "s3", 30});
    registry.add_home_entry({"a", "", "", "s1", 10});
    registry.add_home_entry({"b", "", "", "s2", 20});
    ASSERT_EQ(registry.home_entries().size(), 3u);
    EXPECT_EQ(registry.home_entries()[0].id, "a");
    EXPECT_EQ(registry.home_entries()[2].id, "c");
}

TEST(FeatureCommand, CarriesItsTypeAndPayload) {
    auto c = ui::FeatureCommand::of(std::string("x"));
    ASSERT_NE(c.as<std::string>(), nullptr);
    EXPECT_EQ(*c.as<std::string>(), "x");
    EXPECT_EQ(c.as<int>(), nullptr);
}

} // namespace
