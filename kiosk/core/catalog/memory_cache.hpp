#pragma once
// An in-memory CatalogCacheStore: for tests (it can be told to fail) and for a kiosk configured without a
// cache file. Thread-safe. It forgets everything when destroyed.

#include "kiosk/core/catalog/cache_store.hpp"

#include <mutex>

namespace kiosk::catalog {

class MemoryCatalogCache final : public CatalogCacheStore {
  public:
    [[nodiscard]] Result<std::optional<CachedCatalog>> read() override;
    [[nodiscard]] Status replace(const CachedCatalog& entry) override;
    [[nodiscard]] Status mark_checked(std::string_view checked_at) override;

    // Test hooks: make the next calls fail with kind "io".
    void fail_reads(bool fail);
    void fail_writes(bool fail);

  private:
    std::mutex mutex_;
    std::optional<CachedCatalog> entry_;
    bool fail_reads_ = false;
    bool fail_writes_ = false;
};

} // namespace kiosk::catalog
