#pragma once
// Keeping the catalog current: CatalogSync asks a CatalogFetcher (the gateway, with If-None-Match) for a
// newer catalog, validates the whole text with load_catalog(), and only then replaces the cached copy.
// A failed, partial, garbage or invalid download never replaces a good catalog.
// load_startup_catalog() picks what the kiosk shows at start: the cache if it is valid, else the bundled
// file. Neither does HTTP itself (the gateway client is adapted to CatalogFetcher), runs threads or timers,
// or publishes the catalog to the UI: callers run sync_once() on a worker and hand the result over.

#include "kiosk/core/catalog/cache_store.hpp"
#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/model.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::catalog {

struct FetchResult {
    enum class Kind { not_modified, body, error };
    Kind kind = Kind::error;
    std::string body; // Kind::body: the complete response body
    std::string etag; // Kind::body: the ETag header, empty if none
    Error error;      // Kind::error: what failed (timeout, HTTP status, TLS, ...)

    [[nodiscard]] static FetchResult not_modified() { return FetchResult{Kind::not_modified, {}, {}, {}}; }
    [[nodiscard]] static FetchResult with_body(std::string body, std::string etag) {
        return FetchResult{Kind::body, std::move(body), std::move(etag), {}};
    }
    [[nodiscard]] static FetchResult failed(Error error) {
        return FetchResult{Kind::error, {}, {}, std::move(error)};
    }
};

class CatalogFetcher {
  public:
    virtual ~CatalogFetcher() = default;
    // One GET of the catalog. if_none_match is the cached ETag ("" = none, send no header).
    // A body must be complete: a fetcher that sees a short read or a Content-Length mismatch returns an
    // error.
    [[nodiscard]] virtual FetchResult fetch(std::string_view if_none_match) = 0;
};

enum class SyncStatus {
    updated,      // a new valid catalog was stored; SyncOutcome::catalog holds it
    unchanged,    // 304, or the same text again; the cache is marked as checked
    fetch_failed, // network/gateway error; cache untouched
    rejected,     // the download is not a valid catalog; cache untouched; SyncOutcome::report says why
    store_failed, // valid download, but the cache could not be written; old cache still intact
};
[[nodiscard]] std::string_view to_string(SyncStatus status);

struct SyncOutcome {
    SyncStatus status = SyncStatus::fetch_failed;
    std::string detail;                     // one line for logs and the status page
    LoadReport report;                      // rejected: every problem of the downloaded text
    std::shared_ptr<const Catalog> catalog; // updated: the new catalog to publish
};

struct SyncOptions {
    LoadLimits limits;
    std::function<std::string()> now_utc; // clock for fetched_at/checked_at; default: system clock
};

// "2026-11-27T08:15:00Z" from the system clock.
[[nodiscard]] std::string utc_now_iso8601();

class CatalogSync {
  public:
    CatalogSync(CatalogFetcher& fetcher, CatalogCacheStore& cache, SyncOptions options = {});
    // One round: fetch, validate, swap. Not for concurrent calls on the same object.
    [[nodiscard]] SyncOutcome sync_once();

  private:
    CatalogFetcher& fetcher_;
    CatalogCacheStore& cache_;
    SyncOptions options_;
};

enum class StartupSource { cache, bundled };
[[nodiscard]] std::string_view to_string(StartupSource source);

enum class StartupReason {
    cache_valid,      // source = cache
    cache_empty,      // source = bundled from here on
    cache_unreadable, // the store failed to read
    cache_invalid,    // the cached text no longer validates (cache_report says why)
};
[[nodiscard]] std::string_view to_string(StartupReason reason);

struct StartupCatalog {
    std::shared_ptr<const Catalog> catalog;
    StartupSource source = StartupSource::bundled;
    StartupReason reason = StartupReason::cache_empty;
    std::string detail;           // one line for logs: which one, and why
    std::string etag, fetched_at; // source = cache: its metadata
    std::string checked_at;
    LoadReport cache_report; // reason = cache_invalid: the problems found
};

// Cache if valid, else the bundled file. Error (kind "no_catalog") only when neither is usable; its message
// names both reasons.
[[nodiscard]] Result<StartupCatalog> load_startup_catalog(CatalogCacheStore& cache,
                                                          const std::filesystem::path& bundled_path,
                                                          const LoadLimits& limits = {});

} // namespace kiosk::catalog
