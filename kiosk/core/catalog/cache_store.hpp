#pragma once
// Where the last good catalog from the gateway is kept for offline start-up: the JSON text exactly as
// fetched, its ETag and times. Implementations: store::SqliteCatalogCache (the kiosk) and
// catalog::MemoryCatalogCache (tests, or a kiosk without a cache file). The store does not validate:
// CatalogSync only calls replace() with text that load_catalog() accepted.

#include "kiosk/core/util/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::catalog {

struct CachedCatalog {
    std::string json_text;
    std::string etag;       // as the gateway sent it (quotes included); may be empty
    std::string fetched_at; // UTC ISO 8601 "2026-11-27T08:15:00Z": when this text was downloaded
    std::string checked_at; // last time the gateway confirmed it (200 or 304); empty if never
};

class CatalogCacheStore {
  public:
    virtual ~CatalogCacheStore() = default;
    // The cached entry, or nullopt when nothing was ever stored. Errors: storage unreadable.
    [[nodiscard]] virtual Result<std::optional<CachedCatalog>> read() = 0;
    // Replaces the whole entry atomically: after a crash the old or the new entry is there, never a mix.
    [[nodiscard]] virtual Status replace(const CachedCatalog& entry) = 0;
    // Records that the gateway confirmed the cached text (HTTP 304). No-op when the cache is empty.
    [[nodiscard]] virtual Status mark_checked(std::string_view checked_at) = 0;
};

} // namespace kiosk::catalog
