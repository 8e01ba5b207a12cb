#pragma once
// DossierStoreSqlite: the embedded default DossierSource – a local SQLite table of dossiers for a demo or
// offline office, filled from CSV (columns: kiosk/core/dossier/dossier_csv.hpp). An import is all-or-nothing:
// every row is validated first (errors name file, line and column), then all rows are written in one
// transaction, replacing dossiers with the same code. Lookups wait at most busy_timeout_ms for a writer.
// It does not sync with the gateway. Thread-safe (one connection behind a mutex).

#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <memory>
#include <string_view>

namespace kiosk::store {

struct DossierStoreOptions {
    std::filesystem::path path; // ":memory:" for tests
    int busy_timeout_ms = 2000;
};

class DossierStoreSqlite final : public dossier::DossierSource {
  public:
    // Opens (creating the file and table if needed). Error kind "store".
    [[nodiscard]] static Result<std::unique_ptr<DossierStoreSqlite>> open(const DossierStoreOptions& options);
    ~DossierStoreSqlite() override;

    // Error kinds: "not_found", "store" (database failure; message says which).
    [[nodiscard]] Result<dossier::Dossier> lookup(const dossier::DossierCode& code) override;

    // Imports a CSV file / text; returns the number of rows written. Error kinds "invalid_csv", "io",
    // "store".
    [[nodiscard]] Result<std::size_t> import_csv_file(const std::filesystem::path& csv);
    [[nodiscard]] Result<std::size_t> import_csv_text(std::string_view text, std::string_view origin);

    [[nodiscard]] Result<std::size_t> count();

  private:
    struct Impl;
    explicit DossierStoreSqlite(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::store
