#pragma once
// The procedure screens' behaviour: loads the catalog (cache, else bundled file) and builds the search index
// on a worker at start; syncs with the gateway on a schedule when one is configured (a bad download never
// replaces a good catalog); browsing, typing with the Vietnamese composer (search runs on each keystroke: ≤ 1
// ms), opening a procedure, and printing its checklist on the printer worker.

#include "drivers/printer/ticket_printer.hpp"
#include "kiosk/app/clock.hpp"
#include "kiosk/core/catalog/cache_store.hpp"
#include "kiosk/core/catalog/sync.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/health/health.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/keyboard/composer.hpp"
#include "kiosk/core/search/synonyms.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/view_model.hpp"

#include <filesystem>
#include <memory>

namespace kiosk::app {

class CatalogFeature {
  public:
    CatalogFeature(const config::Config& config, const Clock& clock, const i18n::Translator& translator,
                   tasks::CompletionQueue& completions, ui::AppModel& model,
                   std::shared_ptr<printer::TicketPrinter> printer, std::filesystem::path assets_dir,
                   std::filesystem::path state_dir);
    ~CatalogFeature();

    void start();
    bool handle(const ui::Command& command);
    void on_enter(ui::Screen screen);
    // Starts a gateway sync when one is due.
    void tick();
    [[nodiscard]] bool busy() const { return worker_.busy() > 0 || worker_.queued() > 0; }
    // Fills the catalog section of a health snapshot.
    void report(health::HealthSnapshot& snapshot) const;
    // Forgets the composer's text (idle reset, leaving the screens).
    void forget();

  private:
    void run_search();
    void print_checklist(const std::string& code);

    const config::Config& config_;
    const Clock& clock_;
    const i18n::Translator& translator_;
    ui::AppModel& model_;
    std::shared_ptr<printer::TicketPrinter> printer_;
    std::filesystem::path assets_dir_, state_dir_;
    std::shared_ptr<catalog::CatalogCacheStore> cache_;
    search::SynonymTable synonyms_;
    keyboard::VietComposer composer_;
    health::CatalogHealth health_;
    Clock::time_point next_sync_{};
    bool syncing_ = false;
    tasks::Workers worker_;
};

} // namespace kiosk::app
