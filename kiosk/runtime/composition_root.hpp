#pragma once
// The composition root: the one place that turns a configuration snapshot into concrete parts (SQLite or
// PostgreSQL ticket store, SQLite or gateway dossier source, SQLite catalog cache, PNG or CUPS printer,
// V4L2 or image-file camera, ZXing decoder, libcurl gateway client, status server options). The kiosk and
// every kioskctl command build their parts only here, so they cannot resolve one configuration in two ways.
// A new snapshot gets a new root; adopt_unchanged() carries over a part whose plan did not change (one
// printer instance for the whole kiosk). Thread rules: construct and adopt on one thread; the const
// open_* calls may run on any worker.

#include "drivers/scanner/zxing_decoder.hpp"
#include "kiosk/core/log/log.hpp"
#include "kiosk/net/heartbeat.hpp"
#include "kiosk/net/status_server.hpp"
#include "kiosk/runtime/config_snapshot.hpp"
#include "kiosk/runtime/parts_factory.hpp"
#include "kiosk/store/dossier_store_sqlite.hpp"

#include <mutex>
#include <optional>

namespace kiosk::runtime {

class CompositionRoot final : public PartsFactory {
  public:
    // `log` receives what happens while parts open (the demo dossiers seeded into an empty store); null for
    // kioskctl, which reports to its user itself. It must outlive the root.
    CompositionRoot(ConfigPtr config, const std::filesystem::path& state_dir, log::Logger* log = nullptr);

    [[nodiscard]] const ConfigPtr& config() const { return config_; }
    [[nodiscard]] const PartsPlan& plan() const override { return plan_; }

    [[nodiscard]] Result<std::shared_ptr<queue::TicketStore>> open_ticket_store() const override;
    [[nodiscard]] Result<std::shared_ptr<dossier::DossierSource>> open_dossier_source() const override;
    [[nodiscard]] Result<std::shared_ptr<catalog::CatalogCacheStore>> open_catalog_cache() const override;
    [[nodiscard]] Result<std::unique_ptr<catalog::CatalogFetcher>> open_catalog_fetcher() const override;
    [[nodiscard]] Result<std::shared_ptr<printer::LayoutPrinter>> printer() const override;
    [[nodiscard]] Result<std::unique_ptr<scanner::FrameSource>> open_camera() const override;
    [[nodiscard]] Result<std::unique_ptr<scanner::CodeDecoder>> make_decoder() const override;
    [[nodiscard]] Result<RatingParts> open_rating_stats() const override;
    // The same decoder with other settings (kioskctl decode --formats/--max-steps).
    [[nodiscard]] Result<std::unique_ptr<scanner::CodeDecoder>>
    make_decoder(const scanner::DecoderOptions& options) const;

    // The local dossier store itself (kioskctl dossier import); its folder is created.
    [[nodiscard]] Result<std::unique_ptr<store::DossierStoreSqlite>>
    open_dossier_store(const std::filesystem::path& db) const;
    // The dossier source for an explicit local database (kioskctl --db); `seed` imports the demo/offline CSV
    // into an empty store, as the kiosk does.
    [[nodiscard]] Result<std::shared_ptr<dossier::DossierSource>>
    open_dossier_db(const std::filesystem::path& db, bool seed) const;
    [[nodiscard]] net::StatusServerOptions status_options() const;
    // The heartbeat to the gateway; nullopt when there is no gateway.url (offline office).
    [[nodiscard]] std::optional<net::HeartbeatOptions> heartbeat_options() const;

    // Keeps `previous`'s printer when the printer plan is the same (a queue of jobs stays on one device).
    void adopt_unchanged(const CompositionRoot& previous);

  private:
    ConfigPtr config_;
    PartsPlan plan_;
    log::Logger* log_ = nullptr;
    mutable std::mutex printer_mutex_;
    mutable std::shared_ptr<printer::LayoutPrinter> printer_;
};

} // namespace kiosk::runtime
