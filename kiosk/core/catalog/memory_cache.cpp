#include "kiosk/core/catalog/memory_cache.hpp"

namespace kiosk::catalog {

Result<std::optional<CachedCatalog>> MemoryCatalogCache::read() {
    std::lock_guard lock(mutex_);
    if (fail_reads_) return make_error("io", "memory catalog cache: read failure (test hook)");
    return entry_;
}

Status MemoryCatalogCache::replace(const CachedCatalog& entry) {
    std::lock_guard lock(mutex_);
    if (fail_writes_) return make_error("io", "memory catalog cache: write failure (test hook)");
    entry_ = entry;
    return Ok{};
}

Status MemoryCatalogCache::mark_checked(std::string_view checked_at) {
    std::lock_guard lock(mutex_);
    if (fail_writes_) return make_error("io", "memory catalog cache: write failure (test hook)");
    if (entry_) entry_->checked_at = std::string(checked_at);
    return Ok{};
}

void MemoryCatalogCache::fail_reads(bool fail) {
    std::lock_guard lock(mutex_);
    fail_reads_ = fail;
}

void MemoryCatalogCache::fail_writes(bool fail) {
    std::lock_guard lock(mutex_);
    fail_writes_ = fail;
}

} // namespace kiosk::catalog
