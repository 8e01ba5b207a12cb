// Configuration snapshots, the parts plan and the composition root, without any service.
#include "kiosk/runtime/composition_root.hpp"
#include "kiosk/runtime/config_snapshot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace kiosk;
using namespace kiosk::runtime;
namespace fs = std::filesystem;

namespace {

class Snapshots : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("kiosk-runtime-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        file = dir / "kiosk.toml";
        std::ofstream(file) << "[paths]\nstate_dir = \"" << (dir / "state").string()
                            << "\"\n[gateway]\nconnect_timeout_ms = 1000\n";
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir, file;
};

TEST_F(Snapshots, APublishedSnapshotNeverChanges) {
    ConfigRequest request{file.string(), {}};
    ConfigStore store(request, resolve_startup_config(request));
    ConfigPtr before = store.current();
    ASSERT_EQ(before->printer.paper_mm, 80);
    auto next = store.apply_override("printer.paper_mm=58");
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_EQ(next.value()->printer.paper_mm, 58);
    EXPECT_EQ(store.current(), next.value());
    EXPECT_EQ(before->printer.paper_mm, 80); // work that holds the old snapshot still sees the old value
    EXPECT_NE(before.get(), store.current().get());
}

TEST_F(Snapshots, ABadOverrideIsRefusedAndNothingChanges) {
    ConfigRequest request{file.string(), {}};
    ConfigStore store(request, resolve_startup_config(request));
    ConfigPtr before = store.current();
    auto refused = store.apply_override("printer.paper_mm=57");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("printer.paper_mm"), std::string::npos) << refused.error().message;
    EXPECT_EQ(store.current(), before);
    EXPECT_FALSE(store.apply_override("no.such_key=1"));
}

TEST_F(Snapshots, AnOverrideIsJudgedWithTheSettingsItLandsOn) {
    ConfigRequest request{file.string(), {}};
    ConfigStore store(request, resolve_startup_config(request));
    // 2500 ms is shorter than the default connect timeout (3000) but not than this file's (1000).
    EXPECT_TRUE(store.apply_override("gateway.total_timeout_ms=2500"));
    EXPECT_FALSE(store.apply_override("gateway.total_timeout_ms=500"));
    EXPECT_EQ(store.current()->gateway.total_timeout_ms, 2500);
}

TEST_F(Snapshots, TheStateFolderIsDecidedBeforeTheFallback) {
    auto resolved = resolve_startup_config({file.string(), {}});
    EXPECT_EQ(resolved.source, config::ConfigSource::file);
    EXPECT_EQ(resolved.state_dir, dir / "state");
    EXPECT_TRUE(fs::exists(dir / "state" / "last-good-config.toml"));
    std::ofstream(file) << "[printer]\npaper_mm = 57\n";
    // The broken file names no state folder; the overrides do, and there the last good copy is found.
    auto fallback = resolve_startup_config({file.string(), {"paths.state_dir=" + (dir / "state").string()}});
    EXPECT_EQ(fallback.source, config::ConfigSource::last_good);
    EXPECT_EQ(fallback.notice_key(), "config.fallback_last_good");
    EXPECT_EQ(fallback.config->gateway.connect_timeout_ms, 1000);
}

TEST(PartsPlan, ComparesBySection) {
    config::Config a;
    auto b = a;
    b.printer.paper_mm = 58;
    auto changed = compare_plans(plan_parts(a, "/s"), plan_parts(b, "/s"));
    EXPECT_TRUE(changed.printer);
    EXPECT_FALSE(changed.tickets || changed.dossier || changed.catalog || changed.scanner || changed.status);
    b = a;
    b.gateway.url = "https://gw.example.vn";
    changed = compare_plans(plan_parts(a, "/s"), plan_parts(b, "/s"));
    EXPECT_TRUE(changed.catalog);
    EXPECT_TRUE(changed.dossier);
    EXPECT_FALSE(changed.printer);
    EXPECT_FALSE(compare_plans(plan_parts(a, "/s"), plan_parts(a, "/s")).any());
}

TEST(PartsPlan, DescribesWithoutSecrets) {
    config::Config c;
    c.gateway.token = "tok-123";
    c.status.token = "stat-456";
    c.queue.postgres_dsn = "host=127.0.0.1 password=pw-789";
    auto text = describe_plan(plan_parts(c, "/s"));
    EXPECT_EQ(text.find("tok-123"), std::string::npos);
    EXPECT_EQ(text.find("stat-456"), std::string::npos);
    EXPECT_EQ(text.find("pw-789"), std::string::npos);
    EXPECT_NE(text.find("\"token_set\": true"), std::string::npos);
}

TEST(CompositionRoot, KeepsOnePrinterWhileItsPlanIsTheSame) {
    auto config = std::make_shared<config::Config>();
    config->printer.png_dir = (fs::temp_directory_path() / "kiosk-root-png").string();
    CompositionRoot first(config, "/tmp/kiosk-root-state");
    auto p1 = first.printer();
    ASSERT_TRUE(p1) << p1.error().message;
    EXPECT_EQ(first.printer().value(), p1.value()); // one instance per root

    auto same = std::make_shared<config::Config>(*config);
    same->ui.idle_timeout_s = 90;
    CompositionRoot second(same, "/tmp/kiosk-root-state");
    second.adopt_unchanged(first);
    EXPECT_EQ(second.printer().value(), p1.value());

    auto other = std::make_shared<config::Config>(*config);
    other->printer.paper_mm = 58;
    CompositionRoot third(other, "/tmp/kiosk-root-state");
    third.adopt_unchanged(first);
    EXPECT_NE(third.printer().value(), p1.value());
}

TEST(CompositionRoot, ReportsWhatItCannotBuild) {
    auto config = std::make_shared<config::Config>();
    config->queue.store = "postgres";
    config->queue.postgres_dsn = "host=127.0.0.1 port=1 connect_timeout=1";
    CompositionRoot root(config, "/tmp/kiosk-root-state");
    auto store = root.open_ticket_store();
    ASSERT_FALSE(store);
    EXPECT_FALSE(store.error().message.empty());
    auto fetcher = root.open_catalog_fetcher();
    ASSERT_FALSE(fetcher); // no gateway configured
    auto camera = root.open_camera();
    ASSERT_FALSE(camera); // scanner.source = none
}

} // namespace
