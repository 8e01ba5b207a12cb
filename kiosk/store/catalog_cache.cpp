#include "kiosk/store/catalog_cache.hpp"

#include <sqlite3.h>

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

// Finalizes a statement on every path out of a function.
struct Statement {
    sqlite3_stmt* stmt = nullptr;
    Statement() = default;
    Statement(Statement&& other) noexcept : stmt(std::exchange(other.stmt, nullptr)) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement() { sqlite3_finalize(stmt); }
};

std::string column_text(sqlite3_stmt* stmt, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)))
                : std::string();
}

} // namespace

struct SqliteCatalogCache::Impl {
    sqlite3* db = nullptr;
    std::string path;
    std::mutex mutex;

    ~Impl() { sqlite3_close(db); }

    Error fail(const std::string& what) const {
        return make_error("io", "catalog cache " + path + ": " + what + ": " + sqlite3_errmsg(db));
    }

    Status exec(const char* sql, const char* what) {
        char* message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            return make_error("io", "catalog cache " + path + ": " + what + ": " + text);
        }
        return Ok{};
    }

    Result<Statement> prepare(const char* sql) {
        Statement statement;
        if (sqlite3_prepare_v2(db, sql, -1, &statement.stmt, nullptr) != SQLITE_OK)
            return fail("prepare \"" + std::string(sql) + "\"");
        return statement;
    }
};

SqliteCatalogCache::SqliteCatalogCache(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteCatalogCache::~SqliteCatalogCache() = default;

Result<std::unique_ptr<SqliteCatalogCache>> SqliteCatalogCache::open(const CatalogCacheOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->path = options.db_path.string();
    if (sqlite3_open_v2(impl->path.c_str(), &impl->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
        return impl->fail("cannot open");
    sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
    {
        auto mode = impl->prepare("PRAGMA journal_mode=WAL");
        if (!mode) return mode.error();
        if (sqlite3_step(mode->stmt) != SQLITE_ROW) return impl->fail("cannot set WAL journal mode");
        if (column_text(mode->stmt, 0) != "wal")
            return make_error("io", "catalog cache " + impl->path + ": WAL journal mode refused (got " +
                                        column_text(mode->stmt, 0) + ")");
    }
    // NORMAL in WAL mode: a power cut may lose the last replace() but never corrupts; the old catalog stays.
    if (auto status = impl->exec("PRAGMA synchronous=NORMAL", "set synchronous"); !status)
        return status.error();
    if (auto status = impl->exec(kSchema, "create table"); !status) return status.error();
    return std::unique_ptr<SqliteCatalogCache>(new SqliteCatalogCache(std::move(impl)));
}

Result<std::optional<catalog::CachedCatalog>> SqliteCatalogCache::read() {
    std::lock_guard lock(impl_->mutex);
    auto query =
        impl_->prepare("SELECT json_text, text_bytes, etag, fetched_at, checked_at FROM catalog_cache"
                       " WHERE slot = 1");
    if (!query) return query.error();
    const int rc = sqlite3_step(query->stmt);
    if (rc == SQLITE_DONE) return std::optional<catalog::CachedCatalog>();
    if (rc != SQLITE_ROW) return impl_->fail("read");
    catalog::CachedCatalog entry;
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(query->stmt, 0));
    const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(query->stmt, 0));
    entry.json_text.assign(blob ? blob : "", blob ? bytes : 0);
    if (static_cast<sqlite3_int64>(entry.json_text.size()) != sqlite3_column_int64(query->stmt, 1))
        return make_error("corrupt", "catalog cache " + impl_->path + ": stored text has " +
                                         std::to_string(entry.json_text.size()) + " bytes, expected " +
                                         std::to_string(sqlite3_column_int64(query->stmt, 1)));
    entry.etag = column_text(query->stmt, 2);
    entry.fetched_at = column_text(query->stmt, 3);
    entry.checked_at = column_text(query->stmt, 4);
    return std::optional<catalog::CachedCatalog>(std::move(entry));
}

Status SqliteCatalogCache::replace(const catalog::CachedCatalog& entry) {
    std::lock_guard lock(impl_->mutex);
    if (auto begin = impl_->exec("BEGIN IMMEDIATE", "begin"); !begin) return begin;
    auto write = [&]() -> Status {
        auto insert = impl_->prepare("INSERT OR REPLACE INTO catalog_cache"
                                     " (slot, json_text, text_bytes, etag, fetched_at, checked_at)"
                                     " VALUES (1, ?1, ?2, ?3, ?4, ?5)");
        if (!insert) return insert.error();
        sqlite3_stmt* stmt = insert->stmt;
        // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
        sqlite3_bind_blob64(stmt, 1, entry.json_text.empty() ? "" : entry.json_text.data(),
                            entry.json_text.size(), SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 2, static_cast<sqlite3_int64>(entry.json_text.size()));
        sqlite3_bind_text(stmt, 3, entry.etag.data(), static_cast<int>(entry.etag.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, entry.fetched_at.data(), static_cast<int>(entry.fetched_at.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, entry.checked_at.data(), static_cast<int>(entry.checked_at.size()),
                          SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE) return impl_->fail("write");
        return Ok{};
    };
    if (auto written = write(); !written) {
        (void)impl_->exec("ROLLBACK", "rollback");
        return written;
    }
    if (auto commit = impl_->exec("COMMIT", "commit"); !commit) {
        (void)impl_->exec("ROLLBACK", "rollback");
        return commit;
    }
    return Ok{};
}

Status SqliteCatalogCache::mark_checked(std::string_view checked_at) {
    std::lock_guard lock(impl_->mutex);
    auto update = impl_->prepare("UPDATE catalog_cache SET checked_at = ?1 WHERE slot = 1");
    if (!update) return update.error();
    sqlite3_bind_text(update->stmt, 1, checked_at.data(), static_cast<int>(checked_at.size()), SQLITE_STATIC);
    if (sqlite3_step(update->stmt) != SQLITE_DONE) return impl_->fail("mark checked");
    return Ok{};
}

} // namespace kiosk::store
