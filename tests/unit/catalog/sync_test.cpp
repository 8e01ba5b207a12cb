// CatalogSync and load_startup_catalog against a real SQLite cache in a temp folder, with a scripted fetcher.
#include "kiosk/core/catalog/memory_cache.hpp"
#include "kiosk/core/catalog/sync.hpp"
#include "kiosk/store/catalog_cache.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <deque>

using namespace kiosk::catalog;
using catalog_test::TempDir;

namespace {

// Plays back prepared answers and records what it was asked.
class ScriptedFetcher final : public CatalogFetcher {
  public:
    void push(FetchResult result) { script_.push_back(std::move(result)); }
    FetchResult fetch(std::string_view if_none_match) override {
        asked_with_.emplace_back(if_none_match);
        if (script_.empty()) return FetchResult::failed(kiosk::make_error("test", "script exhausted"));
        FetchResult next = std::move(script_.front());
        script_.pop_front();
        return next;
    }
    std::vector<std::string> asked_with_;

  private:
    std::deque<FetchResult> script_;
};

// The fixture changed just enough to tell it apart from the bundled one.
std::string gateway_text(const std::string& title) {
    auto doc = catalog_test::fixture_json();
    doc["title"] = title;
    return catalog_test::dump(doc);
}

class CatalogSyncTest : public ::testing::Test {
  protected:
    void SetUp() override {
        bundled_ = dir_.path() / "bundled.json";
        std::ofstream(bundled_, std::ios::binary) << catalog_test::fixture_text();
        cache_ = open_cache();
    }
    std::unique_ptr<kiosk::store::SqliteCatalogCache> open_cache() {
        auto cache = kiosk::store::SqliteCatalogCache::open({dir_.path() / "cache.sqlite"});
        EXPECT_TRUE(cache.ok()) << cache.error().message;
        return cache.ok() ? std::move(*cache) : nullptr;
    }
    SyncOptions options() {
        SyncOptions options;
        options.now_utc = [this] { return "2026-12-01T00:00:0" + std::to_string(clock_++) + "Z"; };
        return options;
    }
    CachedCatalog cached() {
        auto entry = cache_->read();
        EXPECT_TRUE(entry.ok());
        EXPECT_TRUE(entry.ok() && entry->has_value());
        return entry.ok() && entry->has_value() ? **entry : CachedCatalog{};
    }
    // Stores a first good catalog through a sync; returns its text.
    std::string seed_good(ScriptedFetcher& fetcher) {
        const std::string text = gateway_text("Gateway v1");
        fetcher.push(FetchResult::with_body(text, "\"v1\""));
        CatalogSync sync(fetcher, *cache_, options());
        const SyncOutcome outcome = sync.sync_once();
        EXPECT_EQ(outcome.status, SyncStatus::updated) << outcome.detail;
        return text;
    }

    TempDir dir_;
    std::filesystem::path bundled_;
    std::unique_ptr<kiosk::store::SqliteCatalogCache> cache_;
    int clock_ = 0;
};

} // namespace

TEST_F(CatalogSyncTest, GoodDownloadIsStoredAndPublished) {
    ScriptedFetcher fetcher;
    const std::string text = gateway_text("Gateway v1");
    fetcher.push(FetchResult::with_body(text, "\"v1\""));
    CatalogSync sync(fetcher, *cache_, options());
    const SyncOutcome outcome = sync.sync_once();
    ASSERT_EQ(outcome.status, SyncStatus::updated) << outcome.detail;
    ASSERT_NE(outcome.catalog, nullptr);
    EXPECT_EQ(outcome.catalog->title, "Gateway v1");
    EXPECT_EQ(fetcher.asked_with_, std::vector<std::string>{""}); // nothing cached: no If-None-Match
    const CachedCatalog entry = cached();
    EXPECT_EQ(entry.json_text, text);
    EXPECT_EQ(entry.etag, "\"v1\"");
    EXPECT_EQ(entry.fetched_at, "2026-12-01T00:00:00Z");
}

TEST_F(CatalogSyncTest, NotModifiedSendsTheEtagAndMarksChecked) {
    ScriptedFetcher fetcher;
    const std::string text = seed_good(fetcher);
    fetcher.push(FetchResult::not_modified());
    CatalogSync sync(fetcher, *cache_, options());
    const SyncOutcome outcome = sync.sync_once();
    EXPECT_EQ(outcome.status, SyncStatus::unchanged) << outcome.detail;
    EXPECT_EQ(outcome.catalog, nullptr);
    ASSERT_EQ(fetcher.asked_with_.size(), 2u);
    EXPECT_EQ(fetcher.asked_with_[1], "\"v1\"");
    const CachedCatalog entry = cached();
    EXPECT_EQ(entry.json_text, text);
    EXPECT_EQ(entry.fetched_at, "2026-12-01T00:00:00Z");
    EXPECT_EQ(entry.checked_at, "2026-12-01T00:00:01Z");
}

TEST_F(CatalogSyncTest, CacheSurvivesBadDownloads) {
    ScriptedFetcher fetcher;
    const std::string good = seed_good(fetcher);
    auto invalid_doc = catalog_test::fixture_json();
    invalid_doc["procedures"][0]["channels"][0]["kind"] = "walk-in";
    fetcher.push(FetchResult::with_body("<html>502 Bad Gateway</html>", "\"x\""));       // garbage
    fetcher.push(FetchResult::with_body(good.substr(0, good.size() * 2 / 3), "\"v2\"")); // truncated
    fetcher.push(
        FetchResult::with_body(catalog_test::dump(invalid_doc), "\"v3\"")); // valid JSON, bad catalog
    fetcher.push(FetchResult::with_body("", "\"v4\""));                     // empty body
    fetcher.push(FetchResult::failed(kiosk::make_error("timeout", "gateway did not answer in 10 s")));
    CatalogSync sync(fetcher, *cache_, options());
    const SyncStatus expected[] = {SyncStatus::rejected, SyncStatus::rejected, SyncStatus::rejected,
                                   SyncStatus::rejected, SyncStatus::fetch_failed};
    for (SyncStatus status : expected) {
        const SyncOutcome outcome = sync.sync_once();
        EXPECT_EQ(outcome.status, status) << outcome.detail;
        EXPECT_EQ(outcome.catalog, nullptr);
        const CachedCatalog entry = cached();
        EXPECT_EQ(entry.json_text, good);
        EXPECT_EQ(entry.etag, "\"v1\"");
    }
    // Every round still offered the good cached ETag.
    for (std::size_t i = 1; i < fetcher.asked_with_.size(); ++i)
        EXPECT_EQ(fetcher.asked_with_[i], "\"v1\"");
}

TEST_F(CatalogSyncTest, RejectionCarriesTheFullReport) {
    ScriptedFetcher fetcher;
    auto doc = catalog_test::fixture_json();
    doc["procedures"][0]["channels"][0]["kind"] = "walk-in";
    doc["procedures"][1]["field"] = "missing";
    fetcher.push(FetchResult::with_body(catalog_test::dump(doc), "\"bad\""));
    CatalogSync sync(fetcher, *cache_, options());
    const SyncOutcome outcome = sync.sync_once();
    ASSERT_EQ(outcome.status, SyncStatus::rejected);
    EXPECT_EQ(outcome.report.total(), 2u);
    EXPECT_TRUE(catalog_test::has_problem(outcome.report, "procedures[0].channels[0].kind", "walk-in"));
    EXPECT_NE(outcome.detail.find("previous one stays"), std::string::npos);
    auto entry = cache_->read();
    ASSERT_TRUE(entry.ok());
    EXPECT_FALSE(entry->has_value()); // nothing was stored
}

TEST_F(CatalogSyncTest, NewerCatalogReplacesTheOld) {
    ScriptedFetcher fetcher;
    (void)seed_good(fetcher);
    const std::string v2 = gateway_text("Gateway v2");
    fetcher.push(FetchResult::with_body(v2, "\"v2\""));
    CatalogSync sync(fetcher, *cache_, options());
    const SyncOutcome outcome = sync.sync_once();
    ASSERT_EQ(outcome.status, SyncStatus::updated) << outcome.detail;
    EXPECT_EQ(outcome.catalog->title, "Gateway v2");
    EXPECT_EQ(cached().json_text, v2);
    EXPECT_EQ(cached().etag, "\"v2\"");
}

TEST_F(CatalogSyncTest, SameTextIsUnchanged) {
    ScriptedFetcher fetcher;
    const std::string good = seed_good(fetcher);
    fetcher.push(FetchResult::with_body(good, "\"v1\""));  // server ignored If-None-Match
    fetcher.push(FetchResult::with_body(good, "\"v1b\"")); // same text, new ETag: stored, not republished
    CatalogSync sync(fetcher, *cache_, options());
    EXPECT_EQ(sync.sync_once().status, SyncStatus::unchanged);
    EXPECT_EQ(sync.sync_once().status, SyncStatus::unchanged);
    EXPECT_EQ(cached().etag, "\"v1b\"");
}

TEST_F(CatalogSyncTest, InvalidCacheIsNotOfferedAsEtag) {
    ASSERT_TRUE(cache_->replace(CachedCatalog{"{broken", "\"old\"", "t0", "t0"}).ok());
    ScriptedFetcher fetcher;
    fetcher.push(FetchResult::not_modified());
    CatalogSync sync(fetcher, *cache_, options());
    const SyncOutcome outcome = sync.sync_once();
    EXPECT_EQ(fetcher.asked_with_, std::vector<std::string>{""});
    EXPECT_EQ(outcome.status, SyncStatus::fetch_failed) << outcome.detail; // a 304 cannot vouch for it
}

TEST_F(CatalogSyncTest, RestartUsesTheCache) {
    ScriptedFetcher fetcher;
    (void)seed_good(fetcher);
    cache_.reset(); // "power off"
    cache_ = open_cache();
    ASSERT_NE(cache_, nullptr);
    auto startup = load_startup_catalog(*cache_, bundled_);
    ASSERT_TRUE(startup.ok()) << startup.error().message;
    EXPECT_EQ(startup->source, StartupSource::cache);
    EXPECT_EQ(startup->reason, StartupReason::cache_valid);
    EXPECT_EQ(startup->catalog->title, "Gateway v1");
    EXPECT_EQ(startup->etag, "\"v1\"");
    EXPECT_EQ(startup->fetched_at, "2026-12-01T00:00:00Z");
}

TEST_F(CatalogSyncTest, StartupFallsBackToTheBundledFile) {
    auto empty = load_startup_catalog(*cache_, bundled_);
    ASSERT_TRUE(empty.ok()) << empty.error().message;
    EXPECT_EQ(empty->source, StartupSource::bundled);
    EXPECT_EQ(empty->reason, StartupReason::cache_empty);
    EXPECT_EQ(empty->catalog->title, catalog_test::fixture_json()["title"].get<std::string>());

    // A cache written by an older, laxer version no longer validates.
    auto doc = catalog_test::fixture_json();
    doc["procedures"][0]["levels"] = {"ward"};
    ASSERT_TRUE(cache_->replace(CachedCatalog{catalog_test::dump(doc), "\"old\"", "t0", ""}).ok());
    auto invalid = load_startup_catalog(*cache_, bundled_);
    ASSERT_TRUE(invalid.ok()) << invalid.error().message;
    EXPECT_EQ(invalid->source, StartupSource::bundled);
    EXPECT_EQ(invalid->reason, StartupReason::cache_invalid);
    EXPECT_TRUE(catalog_test::has_problem(invalid->cache_report, "procedures[0].levels[0]", "\"ward\""));
    EXPECT_NE(invalid->detail.find("cached catalog invalid"), std::string::npos) << invalid->detail;
}

TEST_F(CatalogSyncTest, NoUsableCatalogIsAnError) {
    ASSERT_TRUE(cache_->replace(CachedCatalog{"[]", "", "t0", ""}).ok());
    auto result = load_startup_catalog(*cache_, dir_.path() / "missing.json");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, "no_catalog");
    EXPECT_NE(result.error().message.find("cached catalog invalid"), std::string::npos);
    EXPECT_NE(result.error().message.find("missing.json"), std::string::npos);
}

TEST(CatalogSyncMemory, StoreFailureKeepsTheOldEntry) {
    MemoryCatalogCache cache;
    ScriptedFetcher fetcher;
    const std::string v1 = gateway_text("Gateway v1");
    fetcher.push(FetchResult::with_body(v1, "\"v1\""));
    fetcher.push(FetchResult::with_body(gateway_text("Gateway v2"), "\"v2\""));
    CatalogSync sync(fetcher, cache);
    ASSERT_EQ(sync.sync_once().status, SyncStatus::updated);
    cache.fail_writes(true);
    const SyncOutcome outcome = sync.sync_once();
    EXPECT_EQ(outcome.status, SyncStatus::store_failed) << outcome.detail;
    EXPECT_EQ(outcome.catalog, nullptr); // not published: the kiosk and the cache stay in step
    cache.fail_writes(false);
    auto entry = cache.read();
    ASSERT_TRUE(entry.ok() && entry->has_value());
    EXPECT_EQ((*entry)->json_text, v1);
}

TEST(CatalogSyncMemory, UnreadableCacheFallsBackToBundled) {
    MemoryCatalogCache cache;
    cache.fail_reads(true);
    auto startup =
        load_startup_catalog(cache, std::filesystem::path(catalog_test::data_dir()) / "small_catalog.json");
    ASSERT_TRUE(startup.ok()) << startup.error().message;
    EXPECT_EQ(startup->reason, StartupReason::cache_unreadable);
    EXPECT_EQ(to_string(startup->source), "bundled");
}

TEST(CatalogSyncClock, DefaultClockLooksLikeIso8601Utc) {
    const std::string now = utc_now_iso8601();
    ASSERT_EQ(now.size(), 20u);
    EXPECT_EQ(now[4], '-');
    EXPECT_EQ(now[10], 'T');
    EXPECT_EQ(now.back(), 'Z');
}
