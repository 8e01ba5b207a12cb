// Pure renderers for the health snapshot; see health.hpp.
#include "kiosk/core/health/health.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace kiosk::health {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// Emits metric families in the 0.0.4 text format: HELP and TYPE once per family, then its samples.
class MetricsWriter {
  public:
    using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

    void family(std::string_view name, std::string_view type, std::string_view help) {
        name_ = std::string("motcua_kiosk_") + std::string(name);
        out_ += "# HELP " + name_ + " " + escape_help(help) + "\n";
        out_ += "# TYPE " + name_ + " " + std::string(type) + "\n";
    }

    void sample(std::int64_t value, const Labels& labels = {}) {
        out_ += name_;
        if (!labels.empty()) {
            out_ += '{';
            bool first = true;
            for (const auto& [k, v] : labels) {
                if (!first) out_ += ',';
                first = false;
                out_ += std::string(k) + "=\"" + escape_label_value(v) + "\"";
            }
            out_ += '}';
        }
        out_ += ' ' + std::to_string(value) + '\n';
    }

    // Family with a single unlabelled sample.
    void single(std::string_view name, std::string_view type, std::string_view help, std::int64_t value) {
        family(name, type, help);
        sample(value);
    }

    [[nodiscard]] std::string take() { return std::move(out_); }

  private:
    std::string out_;
    std::string name_;
};

} // namespace

std::string escape_label_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escape_help(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::vector<Problem> derive_problems(const HealthSnapshot& s, const ProblemRules& rules) {
    std::vector<Problem> out;
    if (!s.printer.ok()) {
        std::string detail =
            s.printer.describe + ": state " + (s.printer.state.empty() ? "?" : s.printer.state);
        if (!s.printer.reasons.empty()) detail += ", reasons " + join(s.printer.reasons, ",");
        out.push_back({"printer." + s.printer.fault, std::move(detail)});
    }
    if (!s.queue.store_ok) {
        out.push_back({"queue.store_unreachable",
                       s.queue.store + " queue store: " +
                           (s.queue.store_error.empty() ? "not reachable" : s.queue.store_error)});
    }
    if (s.catalog.age_days > rules.catalog_max_age_days) {
        out.push_back({"catalog.stale", "catalog generated " + s.catalog.generated + " is " +
                                            std::to_string(s.catalog.age_days) + " days old (limit " +
                                            std::to_string(rules.catalog_max_age_days) + "), source " +
                                            s.catalog.source + ", last sync " + s.catalog.last_sync});
    }
    if (s.catalog.last_sync == "failed") {
        out.push_back({"catalog.sync_failed", s.catalog.last_sync_detail.empty()
                                                  ? "last catalog sync failed"
                                                  : s.catalog.last_sync_detail});
    }
    if (!s.dossier.ok) {
        out.push_back({"dossier.source_unavailable",
                       s.dossier.source + " dossier source: " + std::to_string(s.dossier.lookup_errors) +
                           " lookup errors of " + std::to_string(s.dossier.lookups)});
    }
    if (s.scanner.camera_state == "error") {
        out.push_back({"scanner.camera_error", "camera reports an error"});
    }
    // Embedded defaults without a file are a normal set-up; a fallback is when the file had problems.
    if (s.config.source != "file" && s.config.problems > 0) {
        out.push_back({"config.fallback", "running on " + s.config.source + " configuration (" +
                                              std::to_string(s.config.problems) + " problems in the file)"});
    }
    return out;
}

std::string problem_staff_key(std::string_view code) {
    constexpr std::string_view printer = "printer.";
    if (code.substr(0, printer.size()) == printer) {
        return "printer.fault." + std::string(code.substr(printer.size())) + ".staff";
    }
    return "health.problem." + std::string(code);
}

std::string render_status_json(const HealthSnapshot& s) {
    using nlohmann::json;
    json problems = json::array();
    for (const auto& p : s.problems)
        problems.push_back({{"code", p.code}, {"detail", p.detail}});

    json j = {
        {"kiosk_id", s.kiosk_id},
        {"office_id", s.office_id},
        {"version", s.version},
        {"started_at", s.started_at},
        {"now", s.now},
        {"uptime_seconds", s.uptime_seconds},
        {"ok", s.ok()},
        {"problems", std::move(problems)},
        {"printer",
         {{"describe", s.printer.describe},
          {"state", s.printer.state},
          {"ok", s.printer.ok()},
          {"fault", s.printer.fault},
          {"reasons", s.printer.reasons},
          {"print_failures_today", s.printer.print_failures_today},
          {"last_print_fault", s.printer.last_print_fault}}},
        {"queue",
         {{"store", s.queue.store},
          {"store_ok", s.queue.store_ok},
          {"store_error", s.queue.store_error},
          {"issued_today", s.queue.issued_today}}},
        {"catalog",
         {{"source", s.catalog.source},
          {"generated", s.catalog.generated},
          {"procedures", s.catalog.procedures},
          {"last_sync", s.catalog.last_sync},
          {"last_sync_detail", s.catalog.last_sync_detail},
          {"age_days", s.catalog.age_days}}},
        {"dossier",
         {{"source", s.dossier.source},
          {"ok", s.dossier.ok},
          {"lookups", s.dossier.lookups},
          {"lookup_errors", s.dossier.lookup_errors}}},
        {"scanner",
         {{"camera_state", s.scanner.camera_state},
          {"scans", s.scanner.scans},
          {"rejected", s.scanner.rejected}}},
        {"config", {{"source", s.config.source}, {"problems", s.config.problems}}},
        {"frames_rendered", s.frames_rendered},
        {"last_frame_at", s.last_frame_at},
    };
    // Strings come from devices, files and the network: never let a stray byte turn /status into a 500.
    return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_metrics(const HealthSnapshot& s) {
    MetricsWriter w;
    w.single("up", "gauge", "1 while the kiosk process answers.", 1);
    w.single("healthy", "gauge", "1 when the kiosk reports no problem.", s.ok() ? 1 : 0);
    w.family("info", "gauge", "Kiosk identity; always 1.");
    w.sample(1, {{"kiosk_id", s.kiosk_id}, {"office_id", s.office_id}, {"version", s.version}});
    w.single("start_time_seconds", "gauge", "Process start, unix seconds.", s.started_at);
    w.single("uptime_seconds", "gauge", "Seconds since the process started.", s.uptime_seconds);

    w.single("problems", "gauge", "Number of current problems.",
             static_cast<std::int64_t>(s.problems.size()));
    if (!s.problems.empty()) {
        w.family("problem", "gauge", "One sample per current problem, by stable code.");
        std::vector<std::string_view>
            seen; // a repeated code would be a duplicate series: Prometheus rejects it
        for (const auto& p : s.problems) {
            if (std::find(seen.begin(), seen.end(), p.code) != seen.end()) continue;
            seen.push_back(p.code);
            w.sample(1, {{"code", p.code}});
        }
    }

    w.single("printer_ok", "gauge", "1 when a ticket could be printed now.", s.printer.ok() ? 1 : 0);
    w.family("printer_info", "gauge", "Printer sink, state and fault code; always 1.");
    w.sample(1, {{"describe", s.printer.describe}, {"state", s.printer.state}, {"fault", s.printer.fault}});
    w.single("print_failures_today", "gauge", "Failed prints since local midnight.",
             s.printer.print_failures_today);

    w.family("queue_store_ok", "gauge", "1 when the queue number store is reachable.");
    w.sample(s.queue.store_ok ? 1 : 0, {{"store", s.queue.store}});
    w.single("tickets_issued_today", "gauge", "Queue tickets issued today by this kiosk.",
             s.queue.issued_today);

    w.family("catalog_info", "gauge", "Catalog source, generation date and last sync result; always 1.");
    w.sample(1, {{"source", s.catalog.source},
                 {"generated", s.catalog.generated},
                 {"last_sync", s.catalog.last_sync}});
    w.single("catalog_procedures", "gauge", "Procedures in the loaded catalog.", s.catalog.procedures);
    if (s.catalog.age_days >= 0) {
        w.single("catalog_age_days", "gauge", "Days since the loaded catalog was generated.",
                 s.catalog.age_days);
    }

    w.family("dossier_source_ok", "gauge", "1 when the dossier source answers.");
    w.sample(s.dossier.ok ? 1 : 0, {{"source", s.dossier.source}});
    w.single("dossier_lookups_total", "counter", "Dossier lookups since start.", s.dossier.lookups);
    w.single("dossier_lookup_errors_total", "counter", "Failed dossier lookups since start.",
             s.dossier.lookup_errors);

    w.family("scanner_info", "gauge", "Camera state; always 1.");
    w.sample(1, {{"camera_state", s.scanner.camera_state}});
    w.single("scans_total", "counter", "Codes decoded since start.", s.scanner.scans);
    w.single("scans_rejected_total", "counter", "Decoded codes that were not valid dossier codes.",
             s.scanner.rejected);

    w.family("config_info", "gauge", "Where the running configuration came from; always 1.");
    w.sample(1, {{"source", s.config.source}});
    w.single("config_problems", "gauge", "Problems found in the configuration file.", s.config.problems);

    w.family("office_tickets_today", "gauge", "Tickets of the office day (every kiosk), by state.");
    w.sample(s.rating.issued_today, {{"state", "issued"}});
    w.sample(s.rating.served_today, {{"state", "served"}});
    w.sample(s.rating.voided_today, {{"state", "voided"}});
    w.sample(s.rating.no_show_today, {{"state", "no_show"}});
    w.family("ratings_today", "gauge", "Citizen satisfaction ratings of the office day, by level.");
    w.sample(s.rating.ratings_today[0], {{"level", "not_satisfied"}});
    w.sample(s.rating.ratings_today[1], {{"level", "satisfied"}});
    w.sample(s.rating.ratings_today[2], {{"level", "very_satisfied"}});

    w.single("frames_rendered_total", "counter", "Frames drawn since start.", s.frames_rendered);
    w.single("last_frame_time_seconds", "gauge", "When the last frame was drawn, unix seconds.",
             s.last_frame_at);
    return w.take();
}

std::string render_healthz(const HealthSnapshot& s) {
    if (s.ok()) return "ok\n";
    std::string out = "degraded: ";
    for (std::size_t i = 0; i < s.problems.size(); ++i) {
        if (i > 0) out += ',';
        // Codes are meant to be plain; keep the one-line contract even if one is not.
        for (char c : s.problems[i].code)
            out += (c == '\n' || c == '\r' || c == ',') ? '_' : c;
    }
    return out + "\n";
}

} // namespace kiosk::health
