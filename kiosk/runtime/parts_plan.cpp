#include "kiosk/runtime/parts_plan.hpp"

#include "kiosk/core/config/last_good.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::runtime {
namespace {

std::filesystem::path or_default(const std::string& configured, std::filesystem::path fallback) {
    return configured.empty() ? std::move(fallback) : std::filesystem::path(configured);
}

GatewayPlan gateway_plan(const config::Config& c) {
    GatewayPlan g;
    g.url = c.gateway.url;
    g.token = c.gateway.token;
    g.ca_file = c.gateway.ca_file;
    g.connect_timeout_ms = c.gateway.connect_timeout_ms;
    g.total_timeout_ms = c.gateway.total_timeout_ms;
    g.max_response_bytes = c.gateway.max_response_bytes;
    g.retries = c.gateway.retries;
    g.backoff_ms = c.gateway.backoff_ms;
    return g;
}

nlohmann::json gateway_json(const GatewayPlan& g) {
    return {{"url", g.url},
            {"token_set", !g.token.empty()},
            {"ca_file", g.ca_file},
            {"connect_timeout_ms", g.connect_timeout_ms},
            {"total_timeout_ms", g.total_timeout_ms},
            {"max_response_bytes", g.max_response_bytes},
            {"retries", g.retries},
            {"backoff_ms", g.backoff_ms}};
}

} // namespace

PartsPlan plan_parts(const config::Config& c, const std::filesystem::path& state_dir) {
    PartsPlan p;
    p.paths.assets = config::assets_dir_for(c);
    p.paths.state = state_dir;
    p.paths.fonts = p.paths.assets / "fonts";
    p.paths.translations = p.paths.assets / "i18n";
    p.paths.last_good_config = config::last_good_path(state_dir);

    p.catalog.bundled = or_default(c.catalog.bundled, p.paths.assets / "catalog" / "procedures.json");
    p.catalog.synonyms = p.paths.assets / "catalog" / "synonyms.tsv";
    p.catalog.cache_db = state_dir / "catalog.sqlite";
    p.catalog.sync_interval_min = c.catalog.sync_interval_min;
    p.catalog.gateway = gateway_plan(c);

    p.dossier.source = c.dossier.source;
    p.dossier.db = or_default(c.dossier.sqlite_path, state_dir / "dossiers.sqlite");
    p.dossier.seed_csv = or_default(c.dossier.seed_csv, p.paths.assets / "demo" / "dossiers.csv");
    p.dossier.gateway = gateway_plan(c);
    p.dossier.qr_param_names = c.dossier.qr_param_names;
    p.dossier.qr_allowed_hosts = c.dossier.qr_allowed_hosts;

    p.tickets.kind = c.queue.store;
    p.tickets.sqlite_db = or_default(c.queue.sqlite_path, state_dir / "queue.sqlite");
    p.tickets.postgres_dsn = c.queue.postgres_dsn;
    p.tickets.office = c.office.office_id;
    p.tickets.day_reset = c.queue.day_reset;

    p.printer.sink = c.printer.sink;
    p.printer.png_dir = or_default(c.printer.png_dir, state_dir / "tickets");
    p.printer.cups_destination = c.printer.cups_destination;
    p.printer.cups_server = c.printer.cups_server;
    p.printer.paper_mm = c.printer.paper_mm;
    p.printer.job_timeout_ms = c.printer.job_timeout_s * 1000;
    p.printer.fonts_from = p.paths.assets;

    p.scanner.source = c.scanner.source;
    p.scanner.camera_device = c.scanner.camera_device;
    p.scanner.image_dir = c.scanner.image_dir;
    p.scanner.width = c.scanner.camera_width;
    p.scanner.height = c.scanner.camera_height;
    p.scanner.hid_enabled = c.scanner.hid_enabled;
    p.scanner.hid_max_gap_ms = c.scanner.hid_max_gap_ms;

    p.status.enabled = c.status.enabled;
    p.status.listen = c.status.listen;
    p.status.port = c.status.port;
    p.status.token_set = !c.status.token.empty();
    p.status.tls_cert = c.status.tls_cert;
    p.status.tls_key = c.status.tls_key;
    return p;
}

std::string describe_plan(const PartsPlan& p) {
    nlohmann::json j;
    j["paths"] = {{"assets", p.paths.assets.string()},
                  {"state", p.paths.state.string()},
                  {"fonts", p.paths.fonts.string()},
                  {"translations", p.paths.translations.string()},
                  {"last_good_config", p.paths.last_good_config.string()}};
    j["catalog"] = {{"bundled", p.catalog.bundled.string()},
                    {"synonyms", p.catalog.synonyms.string()},
                    {"cache_db", p.catalog.cache_db.string()},
                    {"sync_interval_min", p.catalog.sync_interval_min},
                    {"gateway", gateway_json(p.catalog.gateway)}};
    j["dossier"] = {{"source", p.dossier.source},
                    {"db", p.dossier.db.string()},
                    {"seed_csv", p.dossier.seed_csv.string()},
                    {"gateway", gateway_json(p.dossier.gateway)},
                    {"qr_param_names", p.dossier.qr_param_names},
                    {"qr_allowed_hosts", p.dossier.qr_allowed_hosts}};
    j["tickets"] = {{"kind", p.tickets.kind},
                    {"sqlite_db", p.tickets.sqlite_db.string()},
                    {"postgres_dsn_set", !p.tickets.postgres_dsn.empty()},
                    {"office", p.tickets.office},
                    {"day_reset", p.tickets.day_reset}};
    j["printer"] = {{"sink", p.printer.sink},
                    {"png_dir", p.printer.png_dir.string()},
                    {"cups_destination", p.printer.cups_destination},
                    {"cups_server", p.printer.cups_server},
                    {"paper_mm", p.printer.paper_mm},
                    {"job_timeout_ms", p.printer.job_timeout_ms}};
    j["scanner"] = {{"source", p.scanner.source},
                    {"camera_device", p.scanner.camera_device},
                    {"image_dir", p.scanner.image_dir},
                    {"width", p.scanner.width},
                    {"height", p.scanner.height},
                    {"hid_enabled", p.scanner.hid_enabled},
                    {"hid_max_gap_ms", p.scanner.hid_max_gap_ms}};
    j["status"] = {{"enabled", p.status.enabled},
                   {"listen", p.status.listen},
                   {"port", p.status.port},
                   {"token_set", p.status.token_set},
                   {"tls", !p.status.tls_cert.empty()}};
    return j.dump(2);
}

PartsChange compare_plans(const PartsPlan& a, const PartsPlan& b) {
    PartsChange c;
    bool paths = !(a.paths == b.paths);
    c.catalog = paths || !(a.catalog == b.catalog);
    c.dossier = paths || !(a.dossier == b.dossier);
    c.tickets = !(a.tickets == b.tickets);
    c.printer = !(a.printer == b.printer);
    c.scanner = !(a.scanner == b.scanner);
    c.status = !(a.status == b.status);
    return c;
}

} // namespace kiosk::runtime
