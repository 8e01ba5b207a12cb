#include "kiosk/runtime/composition_root.hpp"

#include "drivers/printer/cups_sink.hpp"
#include "drivers/printer/png_sink.hpp"
#include "drivers/printer/ticket_printer.hpp"
#include "kiosk/net/gateway_client.hpp"
#include "kiosk/store/catalog_cache.hpp"
#include "kiosk/store/dossier_store_sqlite.hpp"
#include "kiosk/store/rating_stats_factory.hpp"
#include "kiosk/store/ticket_store_factory.hpp"

namespace kiosk::runtime {
namespace {

net::GatewayOptions gateway_options(const GatewayPlan& g) {
    net::GatewayOptions o;
    o.base_url = g.url;
    o.token = g.token;
    o.ca_file = g.ca_file;
    o.connect_timeout_ms = g.connect_timeout_ms;
    o.total_timeout_ms = g.total_timeout_ms;
    o.max_response_bytes = static_cast<std::size_t>(g.max_response_bytes);
    o.retries = g.retries;
    o.backoff_ms = g.backoff_ms;
    return o;
}

void ensure_parent(const std::filesystem::path& file) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
}

} // namespace

CompositionRoot::CompositionRoot(ConfigPtr config, const std::filesystem::path& state_dir, log::Logger* log)
    : config_(std::move(config)), plan_(plan_parts(*config_, state_dir)), log_(log) {}

Result<std::shared_ptr<queue::TicketStore>> CompositionRoot::open_ticket_store() const {
    store::QueueStoreOptions o;
    o.kind = plan_.tickets.kind;
    o.sqlite_path = plan_.tickets.sqlite_db;
    o.postgres_dsn = plan_.tickets.postgres_dsn;
    o.office = plan_.tickets.office;
    auto reset = queue::parse_local_minute(plan_.tickets.day_reset);
    if (!reset) return make_error(reset.error().kind, "queue.day_reset: " + reset.error().message);
    o.day_reset_minute = *reset;
    if (o.kind == "sqlite") ensure_parent(o.sqlite_path);
    auto opened = store::open_ticket_store(o);
    if (!opened) return opened.error();
    return std::shared_ptr<queue::TicketStore>(std::move(opened).value());
}

Result<RatingParts> CompositionRoot::open_rating_stats() const {
    // The ticket store creates (and migrates) the tables the statistics read; open it first.
    auto tickets = open_ticket_store();
    if (!tickets) return tickets.error();
    store::QueueStoreOptions o;
    o.kind = plan_.tickets.kind;
    o.sqlite_path = plan_.tickets.sqlite_db;
    o.postgres_dsn = plan_.tickets.postgres_dsn;
    o.office = plan_.tickets.office;
    auto opened = store::open_rating_stats(o);
    if (!opened) return opened.error();
    return RatingParts{opened->ratings, opened->stats};
}

Result<std::unique_ptr<store::DossierStoreSqlite>>
CompositionRoot::open_dossier_store(const std::filesystem::path& db) const {
    ensure_parent(db);
    return store::DossierStoreSqlite::open({db});
}

Result<std::shared_ptr<dossier::DossierSource>>
CompositionRoot::open_dossier_db(const std::filesystem::path& db, bool seed) const {
    auto store = open_dossier_store(db);
    if (!store) return store.error();
    std::error_code ec;
    const auto& csv = plan_.dossier.seed_csv;
    // Only an empty store is seeded: a real office's imported dossiers are never mixed with the demo ones.
    if (seed && std::filesystem::exists(csv, ec)) {
        if (auto count = (*store)->count(); count && *count == 0) {
            auto imported = (*store)->import_csv_file(csv);
            if (log_ && imported)
                log_->info("dossier.seeded", "demo dossiers imported into an empty store",
                           {{"KIOSK_DOSSIERS", std::to_string(*imported)}, {"KIOSK_FILE", csv.string()}});
            else if (log_)
                log_->error("dossier.seed_failed",
                            "cannot import the demo dossiers: " + imported.error().message,
                            {{"KIOSK_FILE", csv.string()}});
        }
    }
    return std::shared_ptr<dossier::DossierSource>(std::move(store).value());
}

Result<std::shared_ptr<dossier::DossierSource>> CompositionRoot::open_dossier_source() const {
    if (plan_.dossier.source == "gateway") {
        auto client = net::GatewayClient::create(gateway_options(plan_.dossier.gateway));
        if (!client) return client.error();
        return std::shared_ptr<dossier::DossierSource>(std::move(client).value());
    }
    return open_dossier_db(plan_.dossier.db, true);
}

Result<std::shared_ptr<catalog::CatalogCacheStore>> CompositionRoot::open_catalog_cache() const {
    ensure_parent(plan_.catalog.cache_db);
    auto opened = store::SqliteCatalogCache::open({plan_.catalog.cache_db});
    if (!opened) return opened.error();
    return std::shared_ptr<catalog::CatalogCacheStore>(std::move(opened).value());
}

Result<std::unique_ptr<catalog::CatalogFetcher>> CompositionRoot::open_catalog_fetcher() const {
    if (plan_.catalog.gateway.url.empty()) return make_error("config", "no gateway.url: catalog sync is off");
    auto options = gateway_options(plan_.catalog.gateway);
    // Catalogs are larger than dossier answers; the loader itself caps documents at 32 MiB.
    options.max_response_bytes = std::max<std::size_t>(options.max_response_bytes, 32u << 20);
    auto client = net::GatewayClient::create(options);
    if (!client) return client.error();
    return std::unique_ptr<catalog::CatalogFetcher>(std::move(client).value());
}

Result<std::shared_ptr<printer::LayoutPrinter>> CompositionRoot::printer() const {
    std::lock_guard lock(printer_mutex_);
    if (printer_) return printer_;
    const auto& p = plan_.printer;
    auto paper = printer::paper_from_mm(p.paper_mm);
    if (!paper) return make_error("invalid_config", "printer.paper_mm must be 58 or 80");
    std::unique_ptr<printer::TicketSink> sink;
    if (p.sink == "cups") {
        printer::CupsSinkOptions options;
        options.server = p.cups_server;
        options.destination = p.cups_destination;
        options.job_timeout_ms = p.job_timeout_ms;
        sink = std::make_unique<printer::CupsSink>(options);
    } else {
        sink = std::make_unique<printer::PngSink>(printer::PngSinkOptions{p.png_dir});
    }
    auto opened = printer::TicketPrinter::open(p.fonts_from, std::move(sink), *paper);
    if (!opened) return opened.error();
    printer_ = std::shared_ptr<printer::LayoutPrinter>(std::move(opened).value());
    return printer_;
}

Result<std::unique_ptr<scanner::FrameSource>> CompositionRoot::open_camera() const {
    const auto& s = plan_.scanner;
    if (s.source == "none") return make_error("camera_off", "scanner.source = none");
    scanner::CameraOptions options;
    options.kind = s.source == "camera" ? "v4l2" : "files";
    options.device = s.camera_device;
    options.path = s.image_dir.string();
    options.width = s.width;
    options.height = s.height;
    // Frames go to the decoder unmirrored: a mirrored QR code does not decode. scanner.mirror is for the
    // preview only.
    options.mirror = false;
    options.loop = true; // an image folder acts like a camera that keeps seeing the same scene
    return scanner::make_frame_source(options);
}

Result<std::unique_ptr<scanner::CodeDecoder>> CompositionRoot::make_decoder() const {
    return make_decoder(scanner::DecoderOptions{});
}

Result<std::unique_ptr<scanner::CodeDecoder>>
CompositionRoot::make_decoder(const scanner::DecoderOptions& options) const {
    auto decoder = scanner::ZxingDecoder::create(options);
    if (!decoder) return decoder.error();
    return std::unique_ptr<scanner::CodeDecoder>(std::move(decoder).value());
}

net::StatusServerOptions CompositionRoot::status_options() const {
    net::StatusServerOptions o;
    o.listen = config_->status.listen;
    o.port = config_->status.port;
    o.token = config_->status.token;
    o.tls_cert = config_->status.tls_cert;
    o.tls_key = config_->status.tls_key;
    return o;
}

std::optional<net::HeartbeatOptions> CompositionRoot::heartbeat_options() const {
    const auto& g = config_->gateway;
    if (g.url.empty()) return std::nullopt;
    net::HeartbeatOptions o;
    o.gateway_url = g.url;
    o.kiosk_id = config_->office.kiosk_id;
    o.token = g.token;
    o.http.ca_file = g.ca_file;
    o.http.connect_timeout_ms = g.connect_timeout_ms;
    o.http.total_timeout_ms = g.total_timeout_ms;
    o.http.max_response_bytes = 64 * 1024; // the answer is ignored
    o.interval = std::chrono::seconds(config_->status.heartbeat_s);
    o.retry_base = std::chrono::seconds(5);
    o.max_backoff = std::max<std::chrono::milliseconds>(o.interval, std::chrono::minutes(10));
    return o;
}

void CompositionRoot::adopt_unchanged(const CompositionRoot& previous) {
    if (!(previous.plan_.printer == plan_.printer)) return;
    std::scoped_lock lock(printer_mutex_, previous.printer_mutex_);
    printer_ = previous.printer_;
}

} // namespace kiosk::runtime
