// The central configuration layer without a network: merging (defaults < central < file < --set), the checks
// a central layer must pass, the cache, and ConfigStore::apply_central keeping the last good snapshot when a
// layer is bad.
#include "kiosk/runtime/central_config.hpp"
#include "kiosk/runtime/config_snapshot.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("kiosk-central-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return path / name;
    }
};

runtime::ConfigStore store_for(const TempDir& dir, const std::string& site,
                               std::vector<std::string> sets = {}) {
    auto file =
        dir.write("kiosk.toml", site + "\n[paths]\nstate_dir = \"" + (dir.path / "state").string() + "\"\n");
    runtime::ConfigRequest request{file.string(), std::move(sets)};
    auto resolved = runtime::resolve_startup_config(request);
    return runtime::ConfigStore(std::move(request), std::move(resolved));
}

} // namespace

TEST(CentralLayer, SiteValuesWinTablesMergeKeyByKey) {
    auto merged =
        runtime::merge_layers("[ui]\nlanguage = \"en\"\nidle_timeout_s = 45\n[status]\nheartbeat_s = 120\n",
                              "[ui]\nlanguage = \"vi\"\n");
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    auto loaded = config::load_config_text(*merged, "merged");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.config.ui.language, "vi");     // the site file wins
    EXPECT_EQ(loaded.config.ui.idle_timeout_s, 45); // the central layer fills what the site leaves out
    EXPECT_EQ(loaded.config.status.heartbeat_s, 120);
    EXPECT_FALSE(runtime::merge_layers("[ui", "").ok());
    EXPECT_EQ(runtime::merge_layers("", "x = [").error().kind, "site_syntax");
}

TEST(CentralLayer, ChecksLikeAFileAndRefusesFleetAndPaths) {
    EXPECT_TRUE(runtime::check_central_layer("[ui]\nidle_timeout_s = 45\n").empty());
    EXPECT_TRUE(runtime::check_central_layer("").empty());
    auto bad = runtime::check_central_layer("[ui]\nidle_timeout_s = \"soon\"\n");
    ASSERT_FALSE(bad.empty());
    EXPECT_EQ(bad[0].origin, "central");
    EXPECT_EQ(bad[0].key, "ui.idle_timeout_s");
    EXPECT_FALSE(runtime::check_central_layer("[nosuch]\nkey = 1\n").empty());
    auto fleet = runtime::check_central_layer("[fleet]\nconfig_url = \"https://evil.example/\"\n");
    ASSERT_EQ(fleet.size(), 1u);
    EXPECT_EQ(fleet[0].key, "fleet");
    EXPECT_EQ(runtime::check_central_layer("[paths]\nstate_dir = \"/tmp\"\n").size(), 1u);
}

TEST(CentralLayer, CacheRoundTripsAndIgnoresADamagedCopy) {
    TempDir dir;
    EXPECT_FALSE(runtime::load_cached_layer(dir.path).has_value());
    ASSERT_TRUE(runtime::save_cached_layer(dir.path, {"[ui]\nidle_timeout_s = 45\n", "\"v7\""}).ok());
    auto cached = runtime::load_cached_layer(dir.path);
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->etag, "\"v7\"");
    std::ofstream(dir.path / "central/layer.toml") << "[ui\n";
    EXPECT_FALSE(runtime::load_cached_layer(dir.path).has_value());
}

TEST(CentralLayer, StoreAppliesLayersInOrderAndKeepsTheLastGoodOne) {
    TempDir dir;
    auto store = store_for(dir, "[ui]\nlanguage = \"vi\"\n", {"ui.idle_timeout_s=90"});
    ASSERT_EQ(store.current()->ui.idle_timeout_s, 90);

    auto applied =
        store.apply_central("[ui]\nlanguage = \"en\"\nidle_timeout_s = 45\n[office]\nkiosk_id = \"k-77\"\n");
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    EXPECT_EQ(store.current()->ui.language, "vi");       // file over central
    EXPECT_EQ(store.current()->ui.idle_timeout_s, 90);   // --set over everything
    EXPECT_EQ(store.current()->office.kiosk_id, "k-77"); // central over defaults
    EXPECT_TRUE(store.has_central());

    // A later live override keeps the central layer underneath.
    ASSERT_TRUE(store.apply_override("ui.idle_timeout_s=120").ok());
    EXPECT_EQ(store.current()->office.kiosk_id, "k-77");
    EXPECT_EQ(store.current()->ui.idle_timeout_s, 120);

    // A layer that does not validate is refused; the snapshot stays.
    const auto before = store.current();
    auto refused = store.apply_central("[ui]\nidle_timeout_s = -5\n");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, "invalid_central");
    EXPECT_NE(refused.error().message.find("idle_timeout_s"), std::string::npos) << refused.error().message;
    EXPECT_EQ(store.current(), before);
    EXPECT_EQ(store.current()->office.kiosk_id, "k-77");
    // ... and a live override after the refusal still stands on the good layer.
    ASSERT_TRUE(store.apply_override("ui.idle_timeout_s=60").ok());
    EXPECT_EQ(store.current()->office.kiosk_id, "k-77");

    // An empty layer removes it.
    ASSERT_TRUE(store.apply_central("").ok());
    EXPECT_EQ(store.current()->office.kiosk_id, "kiosk-1");
    EXPECT_FALSE(store.has_central());
}
