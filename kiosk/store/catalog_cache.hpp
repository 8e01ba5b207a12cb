#pragma once
// SQLite-backed CatalogCacheStore: one row holding the last good catalog JSON text (as a blob, byte-exact),
// its ETag, fetched_at and checked_at. WAL journal; replace() is a single transaction, so a crash or power
// cut leaves the old or the new catalog, never a mix. The table can live in its own file or share a
// database with other kiosk tables. It does not validate catalog text (CatalogSync does, before replace()).
// Thread-safe (one connection behind a mutex).

#include "kiosk/core/catalog/cache_store.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <memory>

namespace kiosk::store {

struct CatalogCacheOptions {
    std::filesystem::path db_path; // e.g. /var/lib/motcua-kiosk/catalog.sqlite; its folder must exist
    int busy_timeout_ms = 5000;    // waiting for another connection's write lock
};

class SqliteCatalogCache final : public catalog::CatalogCacheStore {
  public:
    // Opens or creates the database and the table. Errors name the file and SQLite's message.
    [[nodiscard]] static Result<std::unique_ptr<SqliteCatalogCache>> open(const CatalogCacheOptions& options);
    ~SqliteCatalogCache() override;
    SqliteCatalogCache(const SqliteCatalogCache&) = delete;
    SqliteCatalogCache& operator=(const SqliteCatalogCache&) = delete;

    [[nodiscard]] Result<std::optional<catalog::CachedCatalog>> read() override;
    [[nodiscard]] Status replace(const catalog::CachedCatalog& entry) override;
    [[nodiscard]] Status mark_checked(std::string_view checked_at) override;

  private:
    struct Impl;
    explicit SqliteCatalogCache(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
