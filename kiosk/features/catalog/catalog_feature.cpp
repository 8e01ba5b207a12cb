#include "kiosk/features/catalog/catalog_feature.hpp"

#include "drivers/printer/qr_matrix.hpp"
#include "kiosk/core/catalog/memory_cache.hpp"
#include "kiosk/features/catalog/catalog_commands.hpp"
#include "kiosk/features/catalog/procedure_screens.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::features {
namespace {

using namespace catalog_ui;

std::shared_ptr<const search::SynonymTable> read_synonyms(const std::filesystem::path& path,
                                                          log::Logger& log) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto synonyms = search::parse_synonyms(text.str(), path.string());
    if (!synonyms) {
        log.warning("catalog.synonyms_invalid", "search synonyms ignored: " + synonyms.error().message,
                    {{"KIOSK_FILE", path.string()}});
        return std::make_shared<const search::SynonymTable>();
    }
    return std::make_shared<const search::SynonymTable>(std::move(synonyms.value()));
}

} // namespace

CatalogFeature::CatalogFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), translator_(c.translator),
      shell_(c.shell), worker_(c.completions, 1) {}

CatalogFeature::~CatalogFeature() = default;

void CatalogFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {kBrowseScreen, "procedures.title",
                                [this](ui::UiContext& ctx) { ui::draw_procedure_browse(ctx, model_); }});
    registry.add_screen(*this, {kSearchScreen, "procedures.search_title",
                                [this](ui::UiContext& ctx) { ui::draw_procedure_search(ctx, model_); }});
    registry.add_screen(*this, {kDetailScreen, "procedures.detail_title",
                                [this](ui::UiContext& ctx) { ui::draw_procedure_detail(ctx, model_); }});
    registry.add_home_entry(
        {"home-procedures", "home.procedures", "home.procedures_hint", kBrowseScreen, 10});
    registry.add_command<BrowseLevel>(*this);
    registry.add_command<BrowseField>(*this);
    registry.add_command<OpenProcedure>(*this);
    registry.add_command<PrintChecklist>(*this);
    registry.add_command<SyncNow>(*this);
}

void CatalogFeature::start() {
    load();
    next_sync_ = clock_.now() + std::chrono::seconds(30); // the first sync shortly after start
}

// Cache, else the bundled file; the index is built here, off the UI thread; the completion only swaps.
void CatalogFeature::load() {
    auto parts = parts_;
    std::uint64_t generation = ++load_generation_;
    worker_.submit([this, parts, generation]() -> tasks::CompletionQueue::Completion {
        const auto& plan = parts->plan().catalog;
        auto synonyms = read_synonyms(plan.synonyms, log_);
        std::shared_ptr<catalog::CatalogCacheStore> cache;
        if (auto opened = parts->open_catalog_cache())
            cache = opened.value();
        else
            log_.error("catalog.cache_unavailable", "catalog cache: " + opened.error().message,
                       {{"KIOSK_ERROR_KIND", opened.error().kind}});
        catalog::MemoryCatalogCache fallback_cache;
        auto startup = catalog::load_startup_catalog(
            cache ? *cache : static_cast<catalog::CatalogCacheStore&>(fallback_cache), plan.bundled);
        if (!startup) {
            log_.error("catalog.load_failed", "no catalog to show: " + startup.error().message,
                       {{"KIOSK_ERROR_KIND", startup.error().kind}});
            return [this, cache, synonyms, generation] {
                if (generation != load_generation_) return;
                cache_ = cache;
                synonyms_ = synonyms;
                model_.load_error_key = "procedures.load_failed";
            };
        }
        log_.info("catalog.loaded", startup->detail);
        auto loaded = startup->catalog;
        auto index =
            std::make_shared<const search::SearchIndex>(search::SearchIndex::build(*loaded, *synonyms));
        std::string source(catalog::to_string(startup->source));
        return [this, cache, synonyms, loaded, index, source, generation] {
            if (generation != load_generation_) return;
            cache_ = cache;
            synonyms_ = synonyms;
            model_.load_error_key.clear();
            install(loaded, index, source);
        };
    });
}

Clock::time_point CatalogFeature::tick(Clock::time_point now) {
    if (parts_->plan().catalog.gateway.url.empty()) return Clock::time_point::max();
    if (!syncing_ && cache_ && now >= next_sync_) {
        next_sync_ = now + std::chrono::minutes(config_->catalog.sync_interval_min);
        sync();
    }
    return next_sync_;
}

void CatalogFeature::sync() {
    syncing_ = true;
    auto parts = parts_;
    auto cache = cache_;
    auto synonyms = synonyms_ ? synonyms_ : std::make_shared<const search::SynonymTable>();
    worker_.submit([this, parts, cache, synonyms]() -> tasks::CompletionQueue::Completion {
        auto fetcher = parts->open_catalog_fetcher();
        if (!fetcher) {
            std::string detail = fetcher.error().message;
            return [this, detail] {
                syncing_ = false;
                health_.last_sync = "failed";
                health_.last_sync_detail = detail;
            };
        }
        catalog::CatalogSync sync(**fetcher, *cache);
        auto outcome = sync.sync_once();
        const bool sync_ok = outcome.status == catalog::SyncStatus::updated ||
                             outcome.status == catalog::SyncStatus::unchanged;
        log_.log(sync_ok ? log::Level::info : log::Level::warning, "catalog.sync",
                 "catalog sync " + std::string(catalog::to_string(outcome.status)) + ": " + outcome.detail,
                 {{"KIOSK_SYNC_STATUS", std::string(catalog::to_string(outcome.status))}});
        std::shared_ptr<const search::SearchIndex> index;
        if (outcome.catalog)
            index = std::make_shared<const search::SearchIndex>(
                search::SearchIndex::build(*outcome.catalog, *synonyms));
        return [this, outcome, index] {
            syncing_ = false;
            bool fine = outcome.status == catalog::SyncStatus::updated ||
                        outcome.status == catalog::SyncStatus::unchanged;
            health_.last_sync = outcome.status == catalog::SyncStatus::updated     ? "ok"
                                : outcome.status == catalog::SyncStatus::unchanged ? "not_modified"
                                                                                   : "failed";
            health_.last_sync_detail = fine ? "" : outcome.detail;
            if (outcome.catalog && index) install(outcome.catalog, index, "cache");
        };
    });
}

// Shows a newly loaded or synced catalog (UI thread): an open procedure that vanished from it is closed, and
// a search in progress runs again on the new index.
void CatalogFeature::install(std::shared_ptr<const catalog::Catalog> loaded,
                             std::shared_ptr<const search::SearchIndex> index, const std::string& source) {
    health_.source = source;
    health_.generated = loaded->generated;
    health_.procedures = static_cast<int>(loaded->procedures.size());
    if (!model_.procedure.empty() && !loaded->find(model_.procedure)) model_.procedure.clear();
    model_.catalog = std::move(loaded);
    model_.index = std::move(index);
    if (!model_.query.empty()) run_search();
}

void CatalogFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    config_ = std::move(config);
    parts_ = std::move(parts);
    if (changed.catalog) {
        // A different catalog source, cache or gateway: load again, and try the (new) gateway at once rather
        // than at the next interval; a sync already running finishes on the parts it started with.
        load();
        next_sync_ = clock_.now();
    }
}

void CatalogFeature::forget() {
    composer_.clear();
    model_.forget();
}

void CatalogFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.catalog = health_;
    if (config_->gateway.url.empty()) snapshot.catalog.last_sync = "disabled";
    // Age in days since the catalog's generated date ("YYYY-MM-DD"); unknown stays -1.
    int y, m, d;
    if (std::sscanf(health_.generated.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
        std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
        if (ymd.ok())
            snapshot.catalog.age_days =
                std::chrono::floor<std::chrono::days>(clock_.now() - std::chrono::sys_days{ymd}).count();
    }
}

void CatalogFeature::run_search() {
    model_.query = composer_.text();
    model_.results = model_.index ? model_.index->search(model_.query, 12) : std::vector<search::SearchHit>{};
}

void CatalogFeature::enter(std::string_view screen, bool returning) {
    if (screen == kSearchScreen && !returning) {
        composer_.clear();
        composer_.set_mode(model_.keyboard.mode);
        run_search();
    }
}

bool CatalogFeature::back(std::string_view screen) {
    // Back from a field's procedures returns to the field list.
    if (screen == kBrowseScreen && !model_.field.empty()) {
        model_.field.clear();
        return true;
    }
    return false;
}

void CatalogFeature::handle(const ui::FeatureCommand& command) {
    if (const auto* level = command.as<BrowseLevel>())
        model_.level = level->level;
    else if (const auto* field = command.as<BrowseField>())
        model_.field = field->field_id;
    else if (const auto* open = command.as<OpenProcedure>())
        open_procedure(open->code);
    else if (const auto* print = command.as<PrintChecklist>())
        print_checklist(print->code);
    else if (command.as<SyncNow>())
        next_sync_ = clock_.now(); // tick() starts it (unless one is running)
}

void CatalogFeature::open_procedure(const std::string& code) {
    const auto* p = model_.catalog ? model_.catalog->find(code) : nullptr;
    if (!p) return;
    model_.procedure = p->code;
    model_.print_status_key.clear();
    model_.online_qr = {};
    if (!p->online_url.empty())
        if (auto qr = printer::encode_qr(p->online_url)) model_.online_qr = {qr->size, qr->modules};
    shell_.request(ui::Navigate{kDetailScreen});
}

bool CatalogFeature::handle_input(const ui::Command& command) {
    if (shell_.screen() != kSearchScreen) return false;
    if (const auto* input = std::get_if<ui::KeyboardInput>(&command)) {
        composer_.key(input->text);
    } else if (std::holds_alternative<ui::KeyboardBackspace>(command)) {
        composer_.backspace();
    } else if (std::holds_alternative<ui::KeyboardClear>(command)) {
        composer_.clear();
    } else if (const auto* mode = std::get_if<ui::SetKeyboardMode>(&command)) {
        if (auto m = keyboard::input_mode_from_int(mode->mode)) {
            model_.keyboard.mode = *m;
            composer_.set_mode(*m);
        }
        return true;
    } else {
        return false;
    }
    run_search();
    return true;
}

void CatalogFeature::print_checklist(const std::string& code) {
    const auto* p = model_.catalog ? model_.catalog->find(code) : nullptr;
    if (!p || model_.printing) return;
    auto printer = parts_->printer();
    if (!printer) {
        log_.error("printer.unavailable", "checklist not printed: " + printer.error().message,
                   {{"KIOSK_ERROR_KIND", printer.error().kind}});
        model_.print_status_key = "procedures.print_failed";
        return;
    }
    i18n::Lang lang = shell_.lang();
    bool en = lang == i18n::Lang::en;
    ticket::TicketLayout layout;
    layout.office_name = en ? config_->office.name_en : config_->office.name_vi;
    layout.office_subtitle = en ? config_->office.subtitle_en : config_->office.subtitle_vi;
    layout.service_name = std::string(translator_.tr("procedures.checklist_slip", lang));
    layout.extra_title = en && !p->name_en.empty() ? p->name_en : p->name;
    for (const auto& d : p->documents) {
        std::string line = "[  ] " + d.name; // a box to tick on paper
        if (!d.copies.empty()) line += " (" + d.copies + ")";
        layout.extra_lines.push_back(line);
    }
    if (p->documents.empty())
        layout.extra_lines.push_back(std::string(translator_.tr("procedures.no_documents", lang)));
    if (!p->online_url.empty()) {
        layout.qr_payload = p->online_url;
        layout.qr_caption = std::string(translator_.tr("procedures.online_qr", lang));
    }
    // The slip says how fresh the list is; the source notes stay in the data for staff.
    layout.footer = translator_.format("procedures.checked_on", lang, {p->checked});
    model_.printing = true;
    model_.print_status_key.clear();
    std::shared_ptr<printer::LayoutPrinter> out = printer.value();
    std::string title = "checklist-" + p->code;
    worker_.submit([this, out, layout, title]() -> tasks::CompletionQueue::Completion {
        auto outcome = out->print(layout, title);
        if (!outcome.ok())
            log_.error("catalog.checklist_print_failed", "checklist print failed: " + outcome.detail,
                       {{"KIOSK_PRINTER_FAULT", std::string(printer::fault_code(outcome.fault))}});
        bool ok = outcome.ok();
        return [this, ok] {
            model_.printing = false;
            model_.print_status_key = ok ? "procedures.printed" : "procedures.print_failed";
        };
    });
}

} // namespace kiosk::features
