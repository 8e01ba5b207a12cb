#pragma once
// PartsFactory: how features get the parts they use, as interfaces only (ticket store, dossier source,
// catalog cache and fetcher, printer, camera, decoder). The CompositionRoot implements it from a
// configuration snapshot; tests implement it with doubles. Every open_* call may block (files, databases,
// network): call it from a worker, never from the UI thread. printer() is cheap and returns one shared
// instance per plan. plan() is the snapshot's resolved paths and settings.

#include "drivers/printer/layout_printer.hpp"
#include "drivers/scanner/code_decoder.hpp"
#include "drivers/scanner/frame_source.hpp"
#include "kiosk/core/catalog/cache_store.hpp"
#include "kiosk/core/catalog/sync.hpp"
#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/core/util/result.hpp"
#include "kiosk/runtime/parts_plan.hpp"

#include <memory>

namespace kiosk::runtime {

// Ratings and office statistics: two faces of one store kept next to the ticket store.
struct RatingParts {
    std::shared_ptr<queue::RatingStore> ratings;
    std::shared_ptr<report::StatsSource> stats;
};

class PartsFactory {
  public:
    virtual ~PartsFactory() = default;

    [[nodiscard]] virtual const PartsPlan& plan() const = 0;
    [[nodiscard]] virtual Result<std::shared_ptr<queue::TicketStore>> open_ticket_store() const = 0;
    // The local store (seeded with the demo/offline CSV when empty) or the gateway client.
    [[nodiscard]] virtual Result<std::shared_ptr<dossier::DossierSource>> open_dossier_source() const = 0;
    [[nodiscard]] virtual Result<std::shared_ptr<catalog::CatalogCacheStore>> open_catalog_cache() const = 0;
    // The gateway's catalog endpoint; an error when no gateway is configured.
    [[nodiscard]] virtual Result<std::unique_ptr<catalog::CatalogFetcher>> open_catalog_fetcher() const = 0;
    [[nodiscard]] virtual Result<std::shared_ptr<printer::LayoutPrinter>> printer() const = 0;
    [[nodiscard]] virtual Result<std::unique_ptr<scanner::FrameSource>> open_camera() const = 0;
    [[nodiscard]] virtual Result<std::unique_ptr<scanner::CodeDecoder>> make_decoder() const = 0;
    // Opens the ticket store's database (creating its tables) and the ratings/statistics store beside it.
    // Not pure: a factory without one (older test doubles) answers that it has none.
    [[nodiscard]] virtual Result<RatingParts> open_rating_stats() const {
        return make_error("queue.error.store_failed", "no rating store in these parts");
    }
};

} // namespace kiosk::runtime
