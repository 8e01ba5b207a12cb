#include "kiosk/core/catalog/sync.hpp"

#include <chrono>
#include <ctime>

namespace kiosk::catalog {

std::string_view to_string(SyncStatus status) {
    switch (status) {
    case SyncStatus::updated:
        return "updated";
    case SyncStatus::unchanged:
        return "unchanged";
    case SyncStatus::fetch_failed:
        return "fetch_failed";
    case SyncStatus::rejected:
        return "rejected";
    case SyncStatus::store_failed:
        return "store_failed";
    }
    return "fetch_failed";
}

std::string_view to_string(StartupSource source) {
    return source == StartupSource::cache ? "cache" : "bundled";
}

std::string_view to_string(StartupReason reason) {
    switch (reason) {
    case StartupReason::cache_valid:
        return "cache_valid";
    case StartupReason::cache_empty:
        return "cache_empty";
    case StartupReason::cache_unreadable:
        return "cache_unreadable";
    case StartupReason::cache_invalid:
        return "cache_invalid";
    }
    return "cache_empty";
}

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buf;
}

CatalogSync::CatalogSync(CatalogFetcher& fetcher, CatalogCacheStore& cache, SyncOptions options)
    : fetcher_(fetcher), cache_(cache), options_(std::move(options)) {
    if (!options_.now_utc) options_.now_utc = utc_now_iso8601;
}

SyncOutcome CatalogSync::sync_once() {
    SyncOutcome outcome;
    // Offer the cached ETag only when the cached text is still a valid catalog: otherwise a 304 would pin
    // a broken cache forever.
    std::optional<CachedCatalog> cached;
    if (auto read = cache_.read(); read && read->has_value()) {
        LoadReport report;
        if (load_catalog((*read)->json_text, report, options_.limits)) cached = std::move(**read);
    }
    const std::string offered_etag = cached ? cached->etag : std::string();

    FetchResult fetched = fetcher_.fetch(offered_etag);
    const std::string now = options_.now_utc();
    switch (fetched.kind) {
    case FetchResult::Kind::error:
        outcome.status = SyncStatus::fetch_failed;
        outcome.detail = "catalog fetch failed (" + fetched.error.kind + "): " + fetched.error.message;
        return outcome;
    case FetchResult::Kind::not_modified:
        if (!cached) {
            outcome.status = SyncStatus::fetch_failed;
            outcome.detail = "gateway answered 304 Not Modified although no cached catalog was offered";
            return outcome;
        }
        if (auto marked = cache_.mark_checked(now); !marked) {
            outcome.status = SyncStatus::store_failed;
            outcome.detail =
                "catalog unchanged (304) but the cache could not be marked: " + marked.error().message;
            return outcome;
        }
        outcome.status = SyncStatus::unchanged;
        outcome.detail = "catalog unchanged (304, etag " + offered_etag + ")";
        return outcome;
    case FetchResult::Kind::body:
        break;
    }

    auto catalog = load_catalog(fetched.body, outcome.report, options_.limits);
    if (!catalog) {
        outcome.status = SyncStatus::rejected;
        outcome.detail = "downloaded catalog rejected (" + std::to_string(fetched.body.size()) +
                         " bytes), the previous one stays: " + outcome.report.summary(3);
        return outcome;
    }
    const bool same_text = cached && cached->json_text == fetched.body;
    if (same_text && cached->etag == fetched.etag) {
        if (auto marked = cache_.mark_checked(now); !marked) {
            outcome.status = SyncStatus::store_failed;
            outcome.detail = "catalog unchanged but the cache could not be marked: " + marked.error().message;
            return outcome;
        }
        outcome.status = SyncStatus::unchanged;
        outcome.detail = "catalog unchanged (same text)";
        return outcome;
    }
    const std::size_t size = fetched.body.size();
    if (auto stored = cache_.replace(CachedCatalog{std::move(fetched.body), fetched.etag, now, now});
        !stored) {
        outcome.status = SyncStatus::store_failed;
        outcome.detail =
            "valid catalog downloaded but not stored, the previous one stays: " + stored.error().message;
        return outcome;
    }
    if (same_text) { // only the ETag changed: nothing new to show
        outcome.status = SyncStatus::unchanged;
        outcome.detail = "catalog unchanged (same text, new etag " + fetched.etag + ")";
        return outcome;
    }
    outcome.status = SyncStatus::updated;
    outcome.detail = "catalog updated: " + std::to_string(catalog->procedures.size()) +
                     " procedures, generated " + catalog->generated + ", " + std::to_string(size) +
                     " bytes, etag " + fetched.etag;
    outcome.catalog = std::make_shared<const Catalog>(std::move(*catalog));
    return outcome;
}

Result<StartupCatalog> load_startup_catalog(CatalogCacheStore& cache,
                                            const std::filesystem::path& bundled_path,
                                            const LoadLimits& limits) {
    StartupCatalog startup;
    std::string why;
    if (auto read = cache.read(); !read) {
        startup.reason = StartupReason::cache_unreadable;
        why = "cache unreadable: " + read.error().message;
    } else if (!read->has_value()) {
        startup.reason = StartupReason::cache_empty;
        why = "cache empty";
    } else {
        const CachedCatalog& entry = **read;
        if (auto catalog = load_catalog(entry.json_text, startup.cache_report, limits)) {
            startup.catalog = std::make_shared<const Catalog>(std::move(*catalog));
            startup.source = StartupSource::cache;
            startup.reason = StartupReason::cache_valid;
            startup.etag = entry.etag, startup.fetched_at = entry.fetched_at,
            startup.checked_at = entry.checked_at;
            startup.detail = "catalog from cache (fetched " + entry.fetched_at + ", etag " + entry.etag +
                             ", " + std::to_string(startup.catalog->procedures.size()) + " procedures)";
            return startup;
        }
        startup.reason = StartupReason::cache_invalid;
        why = "cached catalog invalid: " + startup.cache_report.summary(3);
    }
    auto bundled = load_catalog_file(bundled_path, nullptr, limits);
    if (!bundled)
        return make_error("no_catalog",
                          "no usable catalog: " + why + "; bundled file: " + bundled.error().message);
    startup.catalog = std::make_shared<const Catalog>(std::move(*bundled));
    startup.source = StartupSource::bundled;
    startup.detail = "catalog from bundled file " + bundled_path.string() + " (" +
                     std::to_string(startup.catalog->procedures.size()) + " procedures) because " + why;
    return startup;
}

} // namespace kiosk::catalog
