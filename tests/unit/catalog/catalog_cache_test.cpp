// SqliteCatalogCache on its own: round trip, WAL, byte-exact text, busy database, corruption detection.
#include "kiosk/store/catalog_cache.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

using kiosk::catalog::CachedCatalog;
using kiosk::store::SqliteCatalogCache;

namespace {

// A second, raw connection to the same file, to look behind the class's back.
struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const std::filesystem::path& path) {
        EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    }
    ~RawDb() { sqlite3_close(db); }
    int exec(const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }
    std::string scalar(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return out;
    }
};

} // namespace

TEST(SqliteCatalogCache, EmptyThenRoundTripThenReplace) {
    catalog_test::TempDir dir;
    auto cache = SqliteCatalogCache::open({dir.path() / "c.sqlite"});
    ASSERT_TRUE(cache.ok()) << cache.error().message;
    auto empty = (*cache)->read();
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(empty->has_value());
    EXPECT_TRUE((*cache)->mark_checked("t").ok()); // no-op on an empty cache

    std::string text = "{\"a\": \"Đăng ký\"}";
    text += std::string("\0\xFF tail", 7); // byte-exact, even bytes a TEXT column would mangle
    ASSERT_TRUE((*cache)->replace(CachedCatalog{text, "W/\"1\"", "2026-12-01T00:00:00Z", ""}).ok());
    auto first = (*cache)->read();
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->json_text, text);
    EXPECT_EQ((*first)->etag, "W/\"1\"");
    ASSERT_TRUE((*cache)->mark_checked("2026-12-02T00:00:00Z").ok());
    ASSERT_TRUE((*cache)->replace(CachedCatalog{"second", "", "f2", "c2"}).ok());
    auto second = (*cache)->read();
    ASSERT_TRUE(second.ok() && second->has_value());
    EXPECT_EQ((*second)->json_text, "second");
    EXPECT_EQ((*second)->checked_at, "c2");

    RawDb raw(dir.path() / "c.sqlite");
    EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.scalar("SELECT count(*) FROM catalog_cache"), "1");
}

TEST(SqliteCatalogCache, LargeTextSurvivesReopen) {
    catalog_test::TempDir dir;
    std::string big(5u << 20, 'x');
    for (std::size_t i = 0; i < big.size(); i += 4096)
        big[i] = static_cast<char>('a' + i % 26);
    {
        auto cache = SqliteCatalogCache::open({dir.path() / "c.sqlite"});
        ASSERT_TRUE(cache.ok());
        ASSERT_TRUE((*cache)->replace(CachedCatalog{big, "e", "f", "c"}).ok());
    }
    auto cache = SqliteCatalogCache::open({dir.path() / "c.sqlite"});
    ASSERT_TRUE(cache.ok());
    auto entry = (*cache)->read();
    ASSERT_TRUE(entry.ok() && entry->has_value());
    EXPECT_TRUE((*entry)->json_text == big);
}

TEST(SqliteCatalogCache, BusyDatabaseFailsCleanlyAndKeepsTheOldEntry) {
    catalog_test::TempDir dir;
    auto cache = SqliteCatalogCache::open({dir.path() / "c.sqlite", 50});
    ASSERT_TRUE(cache.ok());
    ASSERT_TRUE((*cache)->replace(CachedCatalog{"old", "e1", "f1", ""}).ok());
    RawDb raw(dir.path() / "c.sqlite");
    ASSERT_EQ(raw.exec("BEGIN IMMEDIATE"), SQLITE_OK); // another writer holds the lock
    auto status = (*cache)->replace(CachedCatalog{"new", "e2", "f2", ""});
    EXPECT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("c.sqlite"), std::string::npos) << status.error().message;
    auto during = (*cache)->read(); // WAL: readers are not blocked by the writer
    ASSERT_TRUE(during.ok() && during->has_value()) << (during.ok() ? "" : during.error().message);
    EXPECT_EQ((*during)->json_text, "old");
    ASSERT_EQ(raw.exec("ROLLBACK"), SQLITE_OK);
    ASSERT_TRUE((*cache)->replace(CachedCatalog{"new", "e2", "f2", ""}).ok()); // usable afterwards
    EXPECT_EQ((*(*cache)->read())->json_text, "new");
}

TEST(SqliteCatalogCache, DetectsATamperedRow) {
    catalog_test::TempDir dir;
    auto cache = SqliteCatalogCache::open({dir.path() / "c.sqlite"});
    ASSERT_TRUE(cache.ok());
    ASSERT_TRUE((*cache)->replace(CachedCatalog{"0123456789", "e", "f", ""}).ok());
    RawDb raw(dir.path() / "c.sqlite");
    ASSERT_EQ(raw.exec("UPDATE catalog_cache SET json_text = X'3031'"), SQLITE_OK);
    auto entry = (*cache)->read();
    ASSERT_FALSE(entry.ok());
    EXPECT_EQ(entry.error().kind, "corrupt");
}

TEST(SqliteCatalogCache, OpenFailureNamesTheFile) {
    auto cache = SqliteCatalogCache::open({"/nonexistent-dir-for-test/c.sqlite"});
    ASSERT_FALSE(cache.ok());
    EXPECT_NE(cache.error().message.find("/nonexistent-dir-for-test/c.sqlite"), std::string::npos);
}
