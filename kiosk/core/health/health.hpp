#pragma once
// HealthSnapshot: a plain copy of what a maintainer needs to judge a kiosk remotely (printer, queue store,
// catalog, dossier source, scanner, config, frame loop), plus pure renderers for the status server:
// JSON for /status, Prometheus text (format 0.0.4) for /metrics and one line for /healthz.
// It holds no locks and gathers nothing itself: the app fills a snapshot from its modules and copies it.
// Problem details are for maintainers and logs (never for citizens); staff see translated keys.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::health {

// One thing wrong with the kiosk. `code` is short and stable ("printer.out_of_paper",
// "queue.store_unreachable", "catalog.stale", "dossier.source_unavailable", "config.fallback", ...):
// monitoring alerts on it. `detail` says what exactly (path, host, reason) for the maintainer.
struct Problem {
    std::string code;
    std::string detail;
};

struct PrinterHealth {
    std::string describe;             // sink description, e.g. "cups:Kiosk80@127.0.0.1:631", "png:/var/..."
    std::string state;                // "idle", "processing", "stopped", "ready", "unreachable", ...
    std::string fault;                // printer fault code ("out_of_paper", ...); empty = can print now
    std::vector<std::string> reasons; // raw CUPS printer-state-reasons
    std::int64_t print_failures_today = 0;
    std::string last_print_fault; // detail of the last failed print today; empty when none
    [[nodiscard]] bool ok() const { return fault.empty(); }
};

struct QueueHealth {
    std::string store; // "sqlite" | "postgres"
    bool store_ok = true;
    std::string store_error; // last store error detail when !store_ok
    std::int64_t issued_today = 0;
};

// The office day's tickets (all kiosks of the office) and the ratings given, from the statistics store.
struct RatingHealth {
    bool store_ok = true;
    std::int64_t issued_today = 0, served_today = 0, voided_today = 0, no_show_today = 0;
    std::array<std::int64_t, 3> ratings_today{}; // not satisfied, satisfied, very satisfied
};

struct CatalogHealth {
    std::string source;    // "cache" | "bundled"
    std::string generated; // catalog generation date as published ("2026-10-01"); empty if unknown
    std::int64_t procedures = 0;
    std::string last_sync = "never"; // "ok", "not_modified", "failed", "never", "disabled"
    std::string last_sync_detail;    // e.g. the error of a failed sync
    std::int64_t age_days = -1;      // days since `generated`; -1 = unknown
};

struct DossierHealth {
    std::string source; // "sqlite" | "gateway"
    bool ok = true;
    std::int64_t lookups = 0;       // since start
    std::int64_t lookup_errors = 0; // since start; "not found" is not an error
};

struct ScannerHealth {
    std::string camera_state;  // "running", "stopped", "absent", "error", "files", ...
    std::int64_t scans = 0;    // codes decoded since start
    std::int64_t rejected = 0; // decoded but not a valid dossier code, since start
};

struct ConfigHealth {
    std::string source = "file"; // "file" | "last_good" | "defaults"
    std::int64_t problems = 0;   // validation problems found when loading
};

struct HealthSnapshot {
    std::string kiosk_id;
    std::string office_id;
    std::string version;
    std::int64_t started_at = 0;     // unix seconds
    std::int64_t now = 0;            // unix seconds, when the snapshot was taken
    std::int64_t uptime_seconds = 0; // from a monotonic clock (wall clock jumps do not change it)

    std::vector<Problem> problems; // empty = healthy

    PrinterHealth printer;
    QueueHealth queue;
    CatalogHealth catalog;
    DossierHealth dossier;
    ScannerHealth scanner;
    ConfigHealth config;
    RatingHealth rating;

    std::int64_t frames_rendered = 0;
    std::int64_t last_frame_at = 0; // unix seconds; 0 = no frame yet

    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// When derived problems are raised.
struct ProblemRules {
    std::int64_t catalog_max_age_days = 30; // older catalog → "catalog.stale"
};

// The standard problems implied by the sections of `s` (printer fault, store down, stale catalog, dossier
// source down, config fallback/problems), in a fixed order. The app sets
// `s.problems = derive_problems(s, rules)` and may append its own.
[[nodiscard]] std::vector<Problem> derive_problems(const HealthSnapshot& s, const ProblemRules& rules = {});

// Translation key telling staff what to do about a problem: printer problems reuse the printer table
// ("printer.fault.<fault>.staff"), the others are "health.problem.<code>".
[[nodiscard]] std::string problem_staff_key(std::string_view code);

// /status body: one JSON object (UTF-8; invalid bytes in strings are replaced, never thrown on).
[[nodiscard]] std::string render_status_json(const HealthSnapshot& s);
// /metrics body: Prometheus text exposition format 0.0.4, every metric prefixed "motcua_kiosk_".
[[nodiscard]] std::string render_metrics(const HealthSnapshot& s);
// /healthz body: "ok\n" or "degraded: code1,code2\n".
[[nodiscard]] std::string render_healthz(const HealthSnapshot& s);

// Prometheus escaping, exposed for tests: label values escape \ " and newline; HELP text escapes \ and
// newline.
[[nodiscard]] std::string escape_label_value(std::string_view v);
[[nodiscard]] std::string escape_help(std::string_view v);

} // namespace kiosk::health
