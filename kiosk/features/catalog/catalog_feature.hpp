#pragma once
// The procedures feature: browse (level → field → procedure), search with the Vietnamese on-screen keyboard
// (search runs on each keystroke, ≤ 1 ms), a procedure's page, and printing its checklist. It loads the
// catalog (cache, else the bundled file) and builds the search index on its worker; it syncs with the
// gateway on a schedule when one is configured (a bad download never replaces a good catalog). It does not
// edit the catalog.

#include "kiosk/core/catalog/cache_store.hpp"
#include "kiosk/core/keyboard/composer.hpp"
#include "kiosk/core/search/synonyms.hpp"
#include "kiosk/core/tasks/workers.hpp"
#include "kiosk/features/catalog/catalog_model.hpp"
#include "kiosk/features/feature.hpp"

#include <memory>

namespace kiosk::features {

class CatalogFeature final : public Feature {
  public:
    explicit CatalogFeature(const FeatureContext& context);
    ~CatalogFeature() override;

    [[nodiscard]] std::string_view name() const override { return "procedures"; }
    void register_ui(UiRegistry& registry) override;
    void start() override;
    void handle(const ui::FeatureCommand& command) override;
    bool handle_input(const ui::Command& command) override;
    bool back(std::string_view screen) override;
    void enter(std::string_view screen, bool returning) override;
    Clock::time_point tick(Clock::time_point now) override;
    [[nodiscard]] bool busy() const override { return !worker_.idle(); }
    void report(health::HealthSnapshot& snapshot) const override;
    void forget() override;
    void reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) override;

    [[nodiscard]] const ui::CatalogModel& model() const { return model_; }

  private:
    void load();
    void sync();
    void install(std::shared_ptr<const catalog::Catalog> loaded,
                 std::shared_ptr<const search::SearchIndex> index, const std::string& source);
    void run_search();
    void open_procedure(const std::string& code);
    void print_checklist(const std::string& code);

    ConfigPtr config_;
    PartsPtr parts_;
    const Clock& clock_;
    log::Logger& log_;
    const i18n::Translator& translator_;
    Shell& shell_;
    ui::CatalogModel model_;
    std::shared_ptr<catalog::CatalogCacheStore> cache_;
    std::shared_ptr<const search::SynonymTable> synonyms_;
    keyboard::VietComposer composer_;
    health::CatalogHealth health_;
    std::uint64_t load_generation_ = 0; // a load for an older snapshot is dropped
    Clock::time_point next_sync_{};
    bool syncing_ = false;
    tasks::Workers worker_;
};

} // namespace kiosk::features
