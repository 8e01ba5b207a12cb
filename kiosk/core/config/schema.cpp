#include "kiosk/core/config/schema.hpp"

#include <cmath>

namespace kiosk::config {
namespace {

void assign(std::string& out, const Value& v) {
    out = std::get<std::string>(v);
}
void assign(bool& out, const Value& v) {
    out = std::get<bool>(v);
}
void assign(int& out, const Value& v) {
    out = static_cast<int>(std::get<int64_t>(v));
}
void assign(double& out, const Value& v) {
    out = std::holds_alternative<double>(v) ? std::get<double>(v) : static_cast<double>(std::get<int64_t>(v));
}
void assign(std::vector<std::string>& out, const Value& v) {
    out = std::get<std::vector<std::string>>(v);
}
void assign(std::vector<int>& out, const Value& v) {
    out.clear();
    for (int64_t n : std::get<std::vector<int64_t>>(v))
        out.push_back(static_cast<int>(n));
}

Value to_value(const std::string& v) {
    return v;
}
Value to_value(bool v) {
    return v;
}
Value to_value(int v) {
    return int64_t{v};
}
Value to_value(double v) {
    return v;
}
Value to_value(const std::vector<std::string>& v) {
    return v;
}
Value to_value(const std::vector<int>& v) {
    return std::vector<int64_t>(v.begin(), v.end());
}

template <class Target, class Ref>
KeyDef<Target> key(std::string name, ValueType type, std::string help, Ref ref) {
    KeyDef<Target> def;
    def.key = std::move(name);
    def.type = type;
    def.help = std::move(help);
    def.set = [ref](Target& target, const Value& value) { assign(ref(target), value); };
    def.get = [ref](const Target& target) { return to_value(ref(const_cast<Target&>(target))); };
    return def;
}

template <class Target> KeyDef<Target> range(KeyDef<Target> def, double min, double max) {
    def.min = min;
    def.max = max;
    return def;
}

template <class Target> KeyDef<Target> one_of(KeyDef<Target> def, std::vector<std::string> choices) {
    def.choices = std::move(choices);
    return def;
}

template <class Target> KeyDef<Target> clock(KeyDef<Target> def) {
    def.pattern = "HH:MM";
    return def;
}

using VT = ValueType;
using C = Config;

std::vector<KeyDef<Config>> build_config_schema() {
    std::vector<KeyDef<Config>> s;
    auto add = [&](KeyDef<Config> def) { s.push_back(std::move(def)); };
    // office
    add(key<C>(
        "office.name_vi", VT::string, "Office name shown on screen and tickets (Vietnamese)",
        [](C & c) -> auto& { return c.office.name_vi; }));
    add(key<C>(
        "office.name_en", VT::string, "Office name (English)",
        [](C & c) -> auto& { return c.office.name_en; }));
    add(key<C>(
        "office.subtitle_vi", VT::string, "Line under the office name (Vietnamese)",
        [](C & c) -> auto& { return c.office.subtitle_vi; }));
    add(key<C>(
        "office.subtitle_en", VT::string, "Line under the office name (English)",
        [](C & c) -> auto& { return c.office.subtitle_en; }));
    add(key<C>(
        "office.office_id", VT::string, "Office id shared by all kiosks and counters of one office",
        [](C & c) -> auto& { return c.office.office_id; }));
    add(key<C>(
        "office.kiosk_id", VT::string, "This kiosk's id (health reports, logs)",
        [](C & c) -> auto& { return c.office.kiosk_id; }));
    // display
    add(one_of(key<C>(
                   "display.orientation", VT::string, "Screen orientation",
                   [](C & c) -> auto& { return c.display.orientation; }),
               {"portrait", "landscape"}));
    add(key<C>(
        "display.fullscreen", VT::boolean, "Fullscreen (the deployed kiosk) or a window",
        [](C & c) -> auto& { return c.display.fullscreen; }));
    add(range(key<C>(
                  "display.width", VT::integer, "Window width in pixels; 0 = from orientation",
                  [](C & c) -> auto& { return c.display.width; }),
              0, 7680));
    add(range(key<C>(
                  "display.height", VT::integer, "Window height in pixels; 0 = from orientation",
                  [](C & c) -> auto& { return c.display.height; }),
              0, 7680));
    add(range(key<C>(
                  "display.scale", VT::real, "UI scale; 0 = derived from the window size",
                  [](C & c) -> auto& { return c.display.scale; }),
              0, 8));
    add(range(key<C>(
                  "display.screen_dpi", VT::real, "Screen density for touch-target sizes; 0 = ask the system",
                  [](C & c) -> auto& { return c.display.screen_dpi; }),
              0, 1000));
    // ui
    add(one_of(key<C>(
                   "ui.language", VT::string, "Language a citizen sees first",
                   [](C & c) -> auto& { return c.ui.language; }),
               {"vi", "en"}));
    add(one_of(key<C>(
                   "ui.mode", VT::string, "What this screen is: kiosk, counter console or lobby display",
                   [](C & c) -> auto& { return c.ui.mode; }),
               {"kiosk", "counter", "display"}));
    add(range(key<C>(
                  "ui.idle_timeout_s", VT::integer, "Seconds without a touch before the kiosk returns home",
                  [](C & c) -> auto& { return c.ui.idle_timeout_s; }),
              10, 3600));
    add(key<C>(
        "ui.setup_pin", VT::string,
        "Must stay empty: a plaintext PIN is refused; set it with `kioskctl setup set-pin` (stdin)",
        [](C & c) -> auto& { return c.ui.setup_pin; }));
    // setup (staff set-up mode)
    add(range(key<C>(
                  "setup.corner_px", VT::integer, "Side of the top-left square that opens set-up when tapped",
                  [](C & c) -> auto& { return c.setup.corner_px; }),
              40, 400));
    add(range(key<C>(
                  "setup.corner_taps", VT::integer, "Taps in that square that open the set-up PIN pad",
                  [](C & c) -> auto& { return c.setup.corner_taps; }),
              3, 10));
    add(range(key<C>(
                  "setup.corner_window_ms", VT::integer, "Milliseconds within which those taps must fall",
                  [](C & c) -> auto& { return c.setup.corner_window_ms; }),
              1000, 10000));
    add(range(key<C>(
                  "setup.idle_close_s", VT::integer, "Seconds without a touch before set-up mode closes",
                  [](C & c) -> auto& { return c.setup.idle_close_s; }),
              30, 1800));
    add(key<C>(
        "setup.secrets_file", VT::string,
        "PIN hash and lock-out file (mode 0600); empty = <state>/setup/secrets",
        [](C & c) -> auto& { return c.setup.secrets_file; }));
    // paths
    add(key<C>(
        "paths.assets_dir", VT::string, "Fonts, translations, bundled catalog; empty = built-in path",
        [](C & c) -> auto& { return c.paths.assets_dir; }));
    add(key<C>(
        "paths.state_dir", VT::string, "Databases, tickets, last good config; empty = XDG state dir",
        [](C & c) -> auto& { return c.paths.state_dir; }));
    // catalog
    add(key<C>(
        "catalog.bundled", VT::string, "Bundled catalog JSON; empty = <assets>/catalog/procedures.json",
        [](C & c) -> auto& { return c.catalog.bundled; }));
    add(range(key<C>(
                  "catalog.sync_interval_min", VT::integer, "Minutes between catalog syncs with the gateway",
                  [](C & c) -> auto& { return c.catalog.sync_interval_min; }),
              5, 10080));
    // gateway
    add(key<C>(
        "gateway.url", VT::string, "City gateway base URL (https://...); empty = offline office",
        [](C & c) -> auto& { return c.gateway.url; }));
    add(key<C>(
        "gateway.token", VT::string, "This kiosk's bearer token for the gateway",
        [](C & c) -> auto& { return c.gateway.token; }));
    add(key<C>(
        "gateway.ca_file", VT::string, "Extra CA bundle for the gateway's TLS certificate",
        [](C & c) -> auto& { return c.gateway.ca_file; }));
    add(range(key<C>(
                  "gateway.connect_timeout_ms", VT::integer, "Connect timeout",
                  [](C & c) -> auto& { return c.gateway.connect_timeout_ms; }),
              100, 60000));
    add(range(key<C>(
                  "gateway.total_timeout_ms", VT::integer, "Whole-request timeout",
                  [](C & c) -> auto& { return c.gateway.total_timeout_ms; }),
              200, 120000));
    add(range(key<C>(
                  "gateway.max_response_bytes", VT::integer, "Largest response accepted",
                  [](C & c) -> auto& { return c.gateway.max_response_bytes; }),
              1024, 64 * 1024 * 1024));
    add(range(key<C>(
                  "gateway.retries", VT::integer, "Retries of transient failures",
                  [](C & c) -> auto& { return c.gateway.retries; }),
              0, 5));
    add(range(key<C>(
                  "gateway.backoff_ms", VT::integer, "First retry delay (doubles each retry)",
                  [](C & c) -> auto& { return c.gateway.backoff_ms; }),
              0, 10000));
    // dossier
    add(one_of(key<C>(
                   "dossier.source", VT::string, "Where dossier status comes from",
                   [](C & c) -> auto& { return c.dossier.source; }),
               {"sqlite", "gateway"}));
    add(key<C>(
        "dossier.sqlite_path", VT::string, "Local dossier store; empty = <state>/dossiers.sqlite",
        [](C & c) -> auto& { return c.dossier.sqlite_path; }));
    add(key<C>(
        "dossier.seed_csv", VT::string,
        "CSV imported when the local store is empty; empty = the demo file <assets>/demo/dossiers.csv",
        [](C & c) -> auto& { return c.dossier.seed_csv; }));
    add(key<C>(
        "dossier.qr_param_names", VT::string_list, "Query parameters of a lookup URL that carry the code",
        [](C & c) -> auto& { return c.dossier.qr_param_names; }));
    add(key<C>(
        "dossier.qr_allowed_hosts", VT::string_list, "Hosts whose lookup URLs are accepted from a QR",
        [](C & c) -> auto& { return c.dossier.qr_allowed_hosts; }));
    // scanner
    add(one_of(key<C>(
                   "scanner.source", VT::string, "Frame source for QR scanning",
                   [](C & c) -> auto& { return c.scanner.source; }),
               {"none", "camera", "images"}));
    add(key<C>(
        "scanner.camera_device", VT::string, "V4L2 camera device",
        [](C & c) -> auto& { return c.scanner.camera_device; }));
    add(range(key<C>(
                  "scanner.camera_width", VT::integer, "Camera frame width",
                  [](C & c) -> auto& { return c.scanner.camera_width; }),
              160, 3840));
    add(range(key<C>(
                  "scanner.camera_height", VT::integer, "Camera frame height",
                  [](C & c) -> auto& { return c.scanner.camera_height; }),
              120, 2160));
    add(key<C>(
        "scanner.mirror", VT::boolean, "Mirror the preview like a mirror",
        [](C & c) -> auto& { return c.scanner.mirror; }));
    add(key<C>(
        "scanner.image_dir", VT::string, "Folder of images used as frames (demo, tests)",
        [](C & c) -> auto& { return c.scanner.image_dir; }));
    add(key<C>(
        "scanner.hid_enabled", VT::boolean, "Accept a USB keyboard-wedge barcode scanner",
        [](C & c) -> auto& { return c.scanner.hid_enabled; }));
    add(range(key<C>(
                  "scanner.hid_max_gap_ms", VT::integer, "Longest gap between a scanner's keystrokes",
                  [](C & c) -> auto& { return c.scanner.hid_max_gap_ms; }),
              5, 200));
    // printer
    add(one_of(
        key<C>(
            "printer.sink", VT::string, "Where tickets go", [](C & c) -> auto& { return c.printer.sink; }),
        {"png", "cups"}));
    add(key<C>(
        "printer.png_dir", VT::string, "Folder for PNG tickets; empty = <state>/tickets",
        [](C & c) -> auto& { return c.printer.png_dir; }));
    add(key<C>(
        "printer.cups_destination", VT::string, "CUPS queue of the thermal printer (raw)",
        [](C & c) -> auto& { return c.printer.cups_destination; }));
    add(key<C>(
        "printer.cups_server", VT::string, "CUPS server (host:port or socket); empty = the system's",
        [](C & c) -> auto& { return c.printer.cups_server; }));
    add(range(key<C>(
                  "printer.paper_mm", VT::integer, "Paper width: 80 or 58",
                  [](C & c) -> auto& { return c.printer.paper_mm; }),
              58, 80));
    add(range(key<C>(
                  "printer.job_timeout_s", VT::integer, "Seconds a print job may take",
                  [](C & c) -> auto& { return c.printer.job_timeout_s; }),
              2, 300));
    add(key<C>(
        "printer.footer_vi", VT::string, "Ticket footer (Vietnamese)",
        [](C & c) -> auto& { return c.printer.footer_vi; }));
    add(key<C>(
        "printer.footer_en", VT::string, "Ticket footer (English)",
        [](C & c) -> auto& { return c.printer.footer_en; }));
    // queue
    add(one_of(
        key<C>(
            "queue.store", VT::string, "Queue number store", [](C & c) -> auto& { return c.queue.store; }),
        {"sqlite", "postgres"}));
    add(key<C>(
        "queue.sqlite_path", VT::string, "SQLite queue file; empty = <state>/queue.sqlite",
        [](C & c) -> auto& { return c.queue.sqlite_path; }));
    add(key<C>(
        "queue.postgres_dsn", VT::string, "libpq connection string of the office database",
        [](C & c) -> auto& { return c.queue.postgres_dsn; }));
    add(clock(key<C>(
        "queue.day_reset", VT::string, "Local time at which numbering restarts",
        [](C & c) -> auto& { return c.queue.day_reset; })));
    add(range(key<C>(
                  "queue.min_served_for_estimate", VT::integer,
                  "Served tickets needed before a wait estimate",
                  [](C & c) -> auto& { return c.queue.min_served_for_estimate; }),
              1, 1000));
    add(range(key<C>(
                  "queue.rating_window_minutes", VT::integer,
                  "Minutes after service a ticket may be rated (0 = until the office day ends)",
                  [](C & c) -> auto& { return c.queue.rating_window_minutes; }),
              0, 1440));
    add(one_of(key<C>(
                   "queue.priority_policy", VT::string, "Priority tickets: strict (first) or interleave",
                   [](C & c) -> auto& { return c.queue.priority_policy; }),
               {"strict", "interleave"}));
    add(range(key<C>(
                  "queue.regular_per_priority", VT::integer,
                  "interleave: regular calls between priority calls",
                  [](C & c) -> auto& { return c.queue.regular_per_priority; }),
              1, 100));
    add(range(key<C>(
                  "queue.skip_return_minutes", VT::integer, "Minutes in which a no-show may return",
                  [](C & c) -> auto& { return c.queue.skip_return_minutes; }),
              0, 600));
    add(one_of(key<C>(
                   "queue.transfer_position", VT::string, "Where a transferred ticket joins the other line",
                   [](C & c) -> auto& { return c.queue.transfer_position; }),
               {"front", "back"}));
    // counter console and lobby display
    add(range(key<C>(
                  "counter.number", VT::integer, "This console's counter number (kiosk --mode counter)",
                  [](C & c) -> auto& { return c.counter.number; }),
              0, 999));
    add(one_of(key<C>(
                   "speech.output", VT::string, "Where spoken calls go",
                   [](C & c) -> auto& { return c.speech.output; }),
               {"sdl", "wav", "off"}));
    add(key<C>(
        "speech.wav_dir", VT::string, "speech.output=wav: folder; empty = <state>/speech",
        [](C & c) -> auto& { return c.speech.wav_dir; }));
    add(key<C>(
        "speech.clips_dir", VT::string, "Folder of recorded call clips; empty = espeak-ng only",
        [](C & c) -> auto& { return c.speech.clips_dir; }));
    add(key<C>(
        "speech.english", VT::boolean, "Repeat each call in English",
        [](C & c) -> auto& { return c.speech.english; }));
    add(range(key<C>(
                  "speech.rate_wpm", VT::integer, "Speaking rate (words per minute)",
                  [](C & c) -> auto& { return c.speech.rate_wpm; }),
              80, 300));
    // status
    add(key<C>(
        "status.enabled", VT::boolean, "Serve /healthz, /status and /metrics",
        [](C & c) -> auto& { return c.status.enabled; }));
    add(key<C>(
        "status.listen", VT::string, "Address the status server listens on",
        [](C & c) -> auto& { return c.status.listen; }));
    add(range(
        key<C>(
            "status.port", VT::integer, "Status server port", [](C & c) -> auto& { return c.status.port; }),
        0, 65535));
    add(key<C>(
        "status.token", VT::string, "Token required for /status",
        [](C & c) -> auto& { return c.status.token; }));
    add(range(key<C>(
                  "status.heartbeat_s", VT::integer, "Seconds between heartbeats to the gateway",
                  [](C & c) -> auto& { return c.status.heartbeat_s; }),
              10, 3600));
    add(key<C>(
        "status.tls_cert", VT::string, "PEM certificate file for HTTPS on the status server; empty = HTTP",
        [](C & c) -> auto& { return c.status.tls_cert; }));
    add(key<C>(
        "status.tls_key", VT::string, "PEM private key file matching status.tls_cert",
        [](C & c) -> auto& { return c.status.tls_key; }));
    // fleet
    add(key<C>(
        "fleet.config_url", VT::string,
        "Central configuration layer URL (https; usually {gateway}/v1/kiosks/{kiosk_id}/config); empty = "
        "none",
        [](C & c) -> auto& { return c.fleet.config_url; }));
    add(range(key<C>(
                  "fleet.config_poll_s", VT::integer, "Seconds between checks of the central configuration",
                  [](C & c) -> auto& { return c.fleet.config_poll_s; }),
              5, 86400));
    return s;
}

using S = ServiceConfig;

std::vector<KeyDef<ServiceConfig>> build_service_schema() {
    std::vector<KeyDef<ServiceConfig>> s;
    s.push_back(key<S>(
        "code", VT::string, "Stable service id", [](S & v) -> auto& { return v.code; }));
    s.push_back(key<S>(
        "name_vi", VT::string, "Name (Vietnamese)", [](S & v) -> auto& { return v.name_vi; }));
    s.push_back(key<S>(
        "name_en", VT::string, "Name (English)", [](S & v) -> auto& { return v.name_en; }));
    s.push_back(key<S>(
        "prefix", VT::string, "Printed before the number", [](S & v) -> auto& { return v.prefix; }));
    s.push_back(range(key<S>(
                          "range_start", VT::integer, "First number of the day",
                          [](S & v) -> auto& { return v.range_start; }),
                      0, 99999));
    s.push_back(range(
        key<S>(
            "range_end", VT::integer, "Last number of the day", [](S & v) -> auto& { return v.range_end; }),
        0, 99999));
    s.push_back(range(key<S>(
                          "counters", VT::integer_list, "Counters that serve it",
                          [](S & v) -> auto& { return v.counters; }),
                      1, 999));
    s.push_back(clock(key<S>(
        "opens", VT::string, "Opening time", [](S & v) -> auto& { return v.opens; })));
    s.push_back(clock(key<S>(
        "closes", VT::string, "Closing time", [](S & v) -> auto& { return v.closes; })));
    s.push_back(key<S>(
        "priority_allowed", VT::boolean, "Priority tickets allowed",
        [](S & v) -> auto& { return v.priority_allowed; }));
    s.push_back(key<S>(
        "enabled", VT::boolean, "Offered to citizens (false: hidden, its settings kept)",
        [](S & v) -> auto& { return v.enabled; }));
    return s;
}

template <class T> bool within(const KeyDef<T>& def, double n) {
    return (!def.min || n >= *def.min) && (!def.max || n <= *def.max);
}

template <class T> std::string range_text(const KeyDef<T>& def) {
    auto num = [](double d) {
        return d == std::floor(d) ? std::to_string(static_cast<long long>(d)) : std::to_string(d);
    };
    return "between " + num(def.min.value_or(0)) + " and " + num(def.max.value_or(0));
}

} // namespace

const std::vector<KeyDef<Config>>& config_schema() {
    static const std::vector<KeyDef<Config>> schema = build_config_schema();
    return schema;
}

const std::vector<KeyDef<ServiceConfig>>& service_schema() {
    static const std::vector<KeyDef<ServiceConfig>> schema = build_service_schema();
    return schema;
}

std::string_view type_name(ValueType type) {
    switch (type) {
    case ValueType::boolean:
        return "a boolean (true/false)";
    case ValueType::integer:
        return "an integer";
    case ValueType::real:
        return "a number";
    case ValueType::string:
        return "a string";
    case ValueType::string_list:
        return "an array of strings";
    case ValueType::integer_list:
        return "an array of integers";
    }
    return "?";
}

std::optional<int> parse_clock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (int i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

template <class Target> std::string check_value(const KeyDef<Target>& def, const Value& value) {
    if (const auto* n = std::get_if<int64_t>(&value)) {
        if (!within(def, static_cast<double>(*n)))
            return "value " + std::to_string(*n) + " is out of range (must be " + range_text(def) + ")";
    } else if (const auto* d = std::get_if<double>(&value)) {
        if (!within(def, *d))
            return "value " + std::to_string(*d) + " is out of range (must be " + range_text(def) + ")";
    } else if (const auto* str = std::get_if<std::string>(&value)) {
        if (!def.choices.empty()) {
            bool found = false;
            std::string list;
            for (const auto& choice : def.choices) {
                found = found || choice == *str;
                list += (list.empty() ? "" : ", ") + choice;
            }
            if (!found) return "\"" + *str + "\" is not one of: " + list;
        }
        if (def.pattern == "HH:MM" && !parse_clock(*str))
            return "\"" + *str + "\" is not a time of day as HH:MM";
    } else if (const auto* list = std::get_if<std::vector<int64_t>>(&value)) {
        for (int64_t n : *list)
            if (!within(def, static_cast<double>(n)))
                return "item " + std::to_string(n) + " is out of range (must be " + range_text(def) + ")";
    }
    return {};
}

template std::string check_value(const KeyDef<Config>&, const Value&);
template std::string check_value(const KeyDef<ServiceConfig>&, const Value&);

std::vector<ServiceConfig> Config::default_services() {
    return {
        {"HT", "Hộ tịch", "Civil status", "A", 1, 999, {1, 2}, "07:30", "17:00", true},
        {"CT",
         "Chứng thực",
         "Certification of copies and signatures",
         "B",
         1,
         999,
         {3, 4},
         "07:30",
         "17:00",
         true},
        {"DD", "Đất đai – Xây dựng", "Land and construction", "C", 1, 999, {5}, "07:30", "17:00", true},
        {"XH",
         "Lao động – Thương binh – Xã hội",
         "Labour, war invalids and social affairs",
         "D",
         1,
         999,
         {6},
         "07:30",
         "17:00",
         true},
        {"KH", "Lĩnh vực khác", "Other matters", "E", 1, 999, {6}, "07:30", "17:00", true},
    };
}

} // namespace kiosk::config
