#include "kiosk/store/catalog_cache.hpp"

#include "kiosk/store/sqlite_db.hpp"

#include <cstdint>
#include <mutex>
#include <utility>

namespace kiosk::store {

namespace {

constexpr const char* kSchema = "CREATE TABLE IF NOT EXISTS catalog_cache ("
                                " slot INTEGER PRIMARY KEY CHECK (slot = 1),"
                                " json_text BLOB NOT NULL,"
                                " text_bytes INTEGER NOT NULL,"
                                " etag TEXT NOT NULL,"
                                " fetched_at TEXT NOT NULL,"
                                " checked_at TEXT NOT NULL DEFAULT '')";

} // namespace

struct SqliteCatalogCache::Impl {
    sqlite::Db db;
    std::string path;
    std::mutex mutex; // one connection, used by one thread at a time

    explicit Impl(sqlite::Db d) : db(std::move(d)), path(db.path().string()) {}

    // Every database failure is kind "io"; the helper's message names the file, the SQL and SQLite's words.
    Error fail(const std::string& what, const Error& e) const {
        return make_error("io", "catalog cache " + path + ": " + what + ": " + e.message);
    }
};

SqliteCatalogCache::SqliteCatalogCache(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteCatalogCache::~SqliteCatalogCache() = default;

Result<std::unique_ptr<SqliteCatalogCache>> SqliteCatalogCache::open(const CatalogCacheOptions& options) {
    sqlite::OpenOptions o;
    o.path = options.db_path; // its folder must exist
    o.journal = sqlite::Journal::wal;
    // NORMAL in WAL mode: a power cut may lose the last replace() but never corrupts; the old catalog stays.
    o.synchronous = sqlite::Synchronous::normal;
    o.busy_timeout = std::chrono::milliseconds(options.busy_timeout_ms);
    auto db = sqlite::Db::open(o);
    if (!db) return make_error("io", "catalog cache " + options.db_path.string() + ": " + db.error().message);
    auto impl = std::make_unique<Impl>(std::move(db).value());
    if (auto status = impl->db.exec(kSchema); !status) return impl->fail("create table", status.error());
    return std::unique_ptr<SqliteCatalogCache>(new SqliteCatalogCache(std::move(impl)));
}

Result<std::optional<catalog::CachedCatalog>> SqliteCatalogCache::read() {
    std::lock_guard lock(impl_->mutex);
    auto query =
        impl_->db.prepare("SELECT json_text, text_bytes, etag, fetched_at, checked_at FROM catalog_cache"
                          " WHERE slot = 1");
    if (!query) return impl_->fail("read", query.error());
    auto row = query->step();
    if (!row) return impl_->fail("read", row.error());
    if (!*row) return std::optional<catalog::CachedCatalog>();
    catalog::CachedCatalog entry;
    entry.json_text = query->blob(0);
    const std::int64_t expected = query->int64(1);
    if (static_cast<std::int64_t>(entry.json_text.size()) != expected)
        return make_error("corrupt", "catalog cache " + impl_->path + ": stored text has " +
                                         std::to_string(entry.json_text.size()) + " bytes, expected " +
                                         std::to_string(expected));
    entry.etag = query->text(2);
    entry.fetched_at = query->text(3);
    entry.checked_at = query->text(4);
    return std::optional<catalog::CachedCatalog>(std::move(entry));
}

Status SqliteCatalogCache::replace(const catalog::CachedCatalog& entry) {
    std::lock_guard lock(impl_->mutex);
    auto tx = sqlite::Transaction::begin(impl_->db, sqlite::Transaction::Mode::immediate);
    if (!tx) return impl_->fail("begin", tx.error());
    {
        auto insert = impl_->db.prepare("INSERT OR REPLACE INTO catalog_cache"
                                        " (slot, json_text, text_bytes, etag, fetched_at, checked_at)"
                                        " VALUES (1, ?1, ?2, ?3, ?4, ?5)");
        if (!insert) return impl_->fail("write", insert.error()); // ~Transaction rolls back
        // Borrowed: `entry` outlives the statement, and the catalog text can be megabytes.
        insert->bind_blob(1, entry.json_text, sqlite::Keep::borrowed)
            .bind_int64(2, static_cast<std::int64_t>(entry.json_text.size()))
            .bind_text(3, entry.etag, sqlite::Keep::borrowed)
            .bind_text(4, entry.fetched_at, sqlite::Keep::borrowed)
            .bind_text(5, entry.checked_at, sqlite::Keep::borrowed);
        if (auto written = insert->finish(); !written) return impl_->fail("write", written.error());
    }
    if (auto commit = tx->commit(); !commit) return impl_->fail("commit", commit.error());
    return Ok{};
}

Status SqliteCatalogCache::mark_checked(std::string_view checked_at) {
    std::lock_guard lock(impl_->mutex);
    auto update = impl_->db.prepare("UPDATE catalog_cache SET checked_at = ?1 WHERE slot = 1");
    if (!update) return impl_->fail("mark checked", update.error());
    update->bind_text(1, checked_at, sqlite::Keep::borrowed);
    if (auto done = update->finish(); !done) return impl_->fail("mark checked", done.error());
    return Ok{};
}

} // namespace kiosk::store
