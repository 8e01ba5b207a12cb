#pragma once
// PartsPlan: what one configuration snapshot resolves to, as plain data: every path, which dossier source,
// ticket store, printer sink, camera and status server, with their settings. It is the single place where
// defaults such as "<state>/queue.sqlite" are decided. The kiosk and kioskctl both print it (`kiosk
// --print-parts`, `kioskctl parts`), which is how a test proves they resolve a configuration the same way.
// It opens nothing; the CompositionRoot builds the parts from it. Each section compares with ==, so a live
// configuration change rebuilds only the parts whose section changed.

#include "kiosk/core/config/config.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::runtime {

struct PathsPlan {
    std::filesystem::path assets, state, fonts, translations, last_good_config;
    bool operator==(const PathsPlan&) const = default;
};

struct GatewayPlan {
    std::string url; // empty: no gateway (offline office)
    std::string token;
    std::string ca_file;
    long connect_timeout_ms = 0, total_timeout_ms = 0;
    long long max_response_bytes = 0;
    int retries = 0;
    long backoff_ms = 0;
    bool operator==(const GatewayPlan&) const = default;
};

struct CatalogPlan {
    std::filesystem::path bundled, synonyms, cache_db;
    int sync_interval_min = 0;
    GatewayPlan gateway; // catalog sync source; url empty = no sync
    bool operator==(const CatalogPlan&) const = default;
};

struct DossierPlan {
    std::string source; // sqlite | gateway
    std::filesystem::path db, seed_csv;
    GatewayPlan gateway;
    std::vector<std::string> qr_param_names, qr_allowed_hosts;
    bool operator==(const DossierPlan&) const = default;
};

struct TicketStorePlan {
    std::string kind; // sqlite | postgres
    std::filesystem::path sqlite_db;
    std::string postgres_dsn;
    std::string office;
    std::string day_reset; // "HH:MM"
    bool operator==(const TicketStorePlan&) const = default;
};

struct PrinterPlan {
    std::string sink; // png | cups
    std::filesystem::path png_dir;
    std::string cups_destination, cups_server;
    int paper_mm = 80;
    int job_timeout_ms = 0;
    std::filesystem::path fonts_from; // the assets folder with fonts/
    bool operator==(const PrinterPlan&) const = default;
};

struct ScannerPlan {
    std::string source; // none | camera | images
    std::string camera_device;
    std::filesystem::path image_dir;
    int width = 0, height = 0;
    bool hid_enabled = true;
    int hid_max_gap_ms = 0;
    bool operator==(const ScannerPlan&) const = default;
};

struct StatusPlan {
    bool enabled = false;
    std::string listen;
    int port = 0;
    bool token_set = false; // the token itself is never printed
    std::string tls_cert;   // empty = plain HTTP
    std::string tls_key;
    bool operator==(const StatusPlan&) const = default;
};

struct PartsPlan {
    PathsPlan paths;
    CatalogPlan catalog;
    DossierPlan dossier;
    TicketStorePlan tickets;
    PrinterPlan printer;
    ScannerPlan scanner;
    StatusPlan status;
    bool operator==(const PartsPlan&) const = default;
};

// Resolves a snapshot. `state_dir` is the state folder the configuration was resolved with (it holds the
// last good configuration, so it is decided before the file is read; see startup_config.hpp).
[[nodiscard]] PartsPlan plan_parts(const config::Config& config, const std::filesystem::path& state_dir);

// The plan as JSON text (sorted keys, tokens replaced by whether they are set): what --print-parts shows.
[[nodiscard]] std::string describe_plan(const PartsPlan& plan);

// Which parts a change of plan touches.
struct PartsChange {
    bool catalog = false, dossier = false, tickets = false, printer = false, scanner = false, status = false;
    [[nodiscard]] bool any() const { return catalog || dossier || tickets || printer || scanner || status; }
};
[[nodiscard]] PartsChange compare_plans(const PartsPlan& before, const PartsPlan& after);

} // namespace kiosk::runtime
