#include "kiosk/app/catalog_feature.hpp"

#include "drivers/printer/qr_matrix.hpp"
#include "kiosk/app/gateway_options.hpp"
#include "kiosk/core/catalog/memory_cache.hpp"
#include "kiosk/store/catalog_cache.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace kiosk::app {

CatalogFeature::CatalogFeature(const config::Config& config, const Clock& clock,
                               const i18n::Translator& translator, tasks::CompletionQueue& completions,
                               ui::AppModel& model, std::shared_ptr<printer::TicketPrinter> printer,
                               std::filesystem::path assets_dir, std::filesystem::path state_dir)
    : config_(config), clock_(clock), translator_(translator), model_(model), printer_(std::move(printer)),
      assets_dir_(std::move(assets_dir)), state_dir_(std::move(state_dir)), worker_(completions, 1) {}

CatalogFeature::~CatalogFeature() = default;

void CatalogFeature::start() {
    auto bundled = config_.catalog.bundled.empty() ? assets_dir_ / "catalog" / "procedures.json"
                                                   : std::filesystem::path(config_.catalog.bundled);
    auto synonyms_path = assets_dir_ / "catalog" / "synonyms.tsv";
    worker_.submit([this, bundled, synonyms_path]() -> tasks::CompletionQueue::Completion {
        std::ifstream in(synonyms_path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto synonyms = search::parse_synonyms(text.str(), synonyms_path.string());
        if (!synonyms) std::fprintf(stderr, "catalog: synonyms: %s\n", synonyms.error().message.c_str());
        std::error_code ec;
        std::filesystem::create_directories(state_dir_, ec);
        std::shared_ptr<catalog::CatalogCacheStore> cache;
        if (auto opened = store::SqliteCatalogCache::open({state_dir_ / "catalog.sqlite"})) {
            cache = std::move(opened.value());
        } else {
            std::fprintf(stderr, "catalog: cache: %s\n", opened.error().message.c_str());
        }
        catalog::MemoryCatalogCache fallback_cache;
        auto startup = catalog::load_startup_catalog(
            cache ? *cache : static_cast<catalog::CatalogCacheStore&>(fallback_cache), bundled);
        // Build the index here, off the UI thread; the completion only swaps pointers.
        search::SynonymTable table = synonyms ? std::move(synonyms.value()) : search::SynonymTable{};
        if (!startup) {
            std::fprintf(stderr, "catalog: %s\n", startup.error().message.c_str());
            return [this, cache, table] {
                cache_ = cache;
                synonyms_ = table;
                model_.catalog.load_error_key = "procedures.load_failed";
            };
        }
        std::fprintf(stderr, "catalog: %s\n", startup->detail.c_str());
        auto loaded = startup->catalog;
        auto index = std::make_shared<const search::SearchIndex>(search::SearchIndex::build(*loaded, table));
        std::string source(catalog::to_string(startup->source));
        return [this, cache, table, loaded, index, source] {
            cache_ = cache;
            synonyms_ = table;
            model_.catalog.catalog = loaded;
            model_.catalog.index = index;
            health_.source = source;
            health_.generated = loaded->generated;
            health_.procedures = static_cast<int>(loaded->procedures.size());
        };
    });
    next_sync_ = clock_.now() + std::chrono::seconds(30); // the first sync shortly after start
}

void CatalogFeature::tick() {
    if (config_.gateway.url.empty() || syncing_ || !cache_ || clock_.now() < next_sync_) return;
    syncing_ = true;
    next_sync_ = clock_.now() + std::chrono::minutes(config_.catalog.sync_interval_min);
    auto options = gateway_options(config_);
    // Catalogs are larger than dossier answers; the loader itself caps documents at 32 MiB.
    options.max_response_bytes = std::max<std::size_t>(options.max_response_bytes, 32u << 20);
    auto cache = cache_;
    worker_.submit([this, options, cache]() -> tasks::CompletionQueue::Completion {
        auto client = net::GatewayClient::create(options);
        if (!client) {
            std::string detail = client.error().message;
            return [this, detail] {
                syncing_ = false;
                health_.last_sync = "failed";
                health_.last_sync_detail = detail;
            };
        }
        catalog::CatalogSync sync(**client, *cache);
        auto outcome = sync.sync_once();
        std::fprintf(stderr, "catalog sync: %s: %s\n",
                     std::string(catalog::to_string(outcome.status)).c_str(), outcome.detail.c_str());
        std::shared_ptr<const search::SearchIndex> index;
        if (outcome.catalog)
            index = std::make_shared<const search::SearchIndex>(
                search::SearchIndex::build(*outcome.catalog, synonyms_));
        return [this, outcome, index] {
            syncing_ = false;
            bool fine = outcome.status == catalog::SyncStatus::updated ||
                        outcome.status == catalog::SyncStatus::unchanged;
            health_.last_sync = outcome.status == catalog::SyncStatus::updated     ? "ok"
                                : outcome.status == catalog::SyncStatus::unchanged ? "not_modified"
                                                                                   : "failed";
            health_.last_sync_detail = fine ? "" : outcome.detail;
            if (outcome.catalog && index) {
                model_.catalog.catalog = outcome.catalog;
                model_.catalog.index = index;
                health_.source = "cache";
                health_.generated = outcome.catalog->generated;
                health_.procedures = static_cast<int>(outcome.catalog->procedures.size());
                // An open procedure that vanished from the new catalog is closed.
                if (!model_.catalog.procedure.empty() && !outcome.catalog->find(model_.catalog.procedure))
                    model_.catalog.procedure.clear();
                if (!model_.catalog.query.empty()) run_search();
            }
        };
    });
}

void CatalogFeature::forget() {
    composer_.clear();
}

void CatalogFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.catalog = health_;
    if (config_.gateway.url.empty()) snapshot.catalog.last_sync = "disabled";
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
    auto& c = model_.catalog;
    c.query = composer_.text();
    c.results = c.index ? c.index->search(c.query, 12) : std::vector<search::SearchHit>{};
}

void CatalogFeature::on_enter(ui::Screen screen) {
    if (screen == ui::Screen::procedure_search) {
        composer_.clear();
        composer_.set_mode(model_.catalog.keyboard.mode);
        run_search();
    }
}

bool CatalogFeature::handle(const ui::Command& command) {
    auto& c = model_.catalog;
    ui::Screen screen = model_.screen();
    if (std::holds_alternative<ui::GoBack>(command) && screen == ui::Screen::procedures && !c.field.empty()) {
        c.field.clear();
        return true;
    }
    if (const auto* level = std::get_if<ui::BrowseLevel>(&command)) {
        c.level = level->level;
        return true;
    }
    if (const auto* field = std::get_if<ui::BrowseField>(&command)) {
        c.field = field->field_id;
        return true;
    }
    if (const auto* open = std::get_if<ui::OpenProcedure>(&command)) {
        const auto* p = c.catalog ? c.catalog->find(open->code) : nullptr;
        if (!p) return true;
        c.procedure = p->code;
        c.print_status_key.clear();
        c.online_qr = {};
        if (!p->online_url.empty())
            if (auto qr = printer::encode_qr(p->online_url)) c.online_qr = {qr->size, qr->modules};
        model_.stack.push_back(ui::Screen::procedure_detail);
        return true;
    }
    if (const auto* print = std::get_if<ui::PrintChecklist>(&command)) {
        print_checklist(print->code);
        return true;
    }
    if (screen != ui::Screen::procedure_search) return false;
    if (const auto* input = std::get_if<ui::KeyboardInput>(&command)) {
        composer_.key(input->text);
        run_search();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardBackspace>(command)) {
        composer_.backspace();
        run_search();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardClear>(command)) {
        composer_.clear();
        run_search();
        return true;
    }
    if (const auto* mode = std::get_if<ui::SetKeyboardMode>(&command)) {
        if (auto m = keyboard::input_mode_from_int(mode->mode)) {
            c.keyboard.mode = *m;
            composer_.set_mode(*m);
        }
        return true;
    }
    return false;
}

void CatalogFeature::print_checklist(const std::string& code) {
    auto& c = model_.catalog;
    const auto* p = c.catalog ? c.catalog->find(code) : nullptr;
    if (!p || c.printing) return;
    if (!printer_) {
        c.print_status_key = "procedures.print_failed";
        return;
    }
    i18n::Lang lang = model_.lang;
    bool en = lang == i18n::Lang::en;
    ticket::TicketLayout layout;
    layout.office_name = en ? config_.office.name_en : config_.office.name_vi;
    layout.office_subtitle = en ? config_.office.subtitle_en : config_.office.subtitle_vi;
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
    layout.footer = translator_.format("procedures.source", lang, {p->source, p->checked});
    c.printing = true;
    c.print_status_key.clear();
    auto printer = printer_;
    std::string title = "checklist-" + p->code;
    worker_.submit([this, printer, layout, title]() -> tasks::CompletionQueue::Completion {
        auto outcome = printer->print(layout, title);
        if (!outcome.ok())
            std::fprintf(stderr, "catalog: checklist print failed: %s: %s\n",
                         std::string(printer::fault_code(outcome.fault)).c_str(), outcome.detail.c_str());
        bool ok = outcome.ok();
        return [this, ok] {
            model_.catalog.printing = false;
            model_.catalog.print_status_key = ok ? "procedures.printed" : "procedures.print_failed";
        };
    });
}

} // namespace kiosk::app
