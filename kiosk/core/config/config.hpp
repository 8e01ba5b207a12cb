#pragma once
// The kiosk's configuration: typed values with embedded defaults. What each key means, its type and its
// allowed range live in the schema (schema.hpp); reading TOML and `--set` overrides lives in loader.hpp. This
// struct does not read files and does not know about the UI.

#include <string>
#include <vector>

namespace kiosk::config {

struct ServiceConfig {
    std::string code;    // stable id, e.g. "HT"
    std::string name_vi; // shown to citizens
    std::string name_en;
    std::string prefix;        // printed before the number, e.g. "A" → A015
    int range_start = 1;       // first number of the day
    int range_end = 999;       // last number of the day; exhausted → the kiosk says so
    std::vector<int> counters; // counters (quầy) that serve it
    std::string opens = "07:30";
    std::string closes = "17:00";
    bool priority_allowed = true;
    bool enabled = true; // false: kept in the file (and its numbers) but not offered to citizens

    bool operator==(const ServiceConfig&) const = default;
};

struct Config {
    struct Office {
        std::string name_vi = "UBND phường Cầu Giấy";
        std::string name_en = "Cau Giay Ward People's Committee";
        std::string subtitle_vi = "Bộ phận Một cửa";
        std::string subtitle_en = "One-stop service desk";
        std::string office_id =
            "demo-office"; // shared by all kiosks and counters of one office (queue numbers)
        std::string kiosk_id = "kiosk-1";
    } office;
    struct Display {
        std::string orientation = "portrait"; // portrait 1080×1920 | landscape 1920×1080
        bool fullscreen = false;
        int width = 0; // 0: from orientation (windowed) or the screen (fullscreen)
        int height = 0;
        double scale = 0;      // 0: derived from the window height; otherwise a fixed UI scale
        double screen_dpi = 0; // 0: ask SDL; used to keep touch targets ≥ 15 mm
    } display;
    struct Ui {
        std::string language = "vi";
        int idle_timeout_s = 60;
        std::string setup_pin = ""; // must stay empty: a plaintext PIN is refused (kioskctl setup set-pin)
        std::string mode = "kiosk"; // kiosk (citizens) | counter (staff console) | display (lobby board)
    } ui;
    struct Setup {
        int corner_px = 120; // the top-left square whose taps open the set-up PIN pad
        int corner_taps = 5;
        int corner_window_ms = 3000;
        int idle_close_s = 120;        // set-up mode closes itself after this long without a touch
        std::string secrets_file = ""; // empty: <state>/setup/secrets (PIN hash, lock-out; mode 0600)
    } setup;
    struct Paths {
        std::string assets_dir = ""; // empty: the assets folder the program was built with
        std::string state_dir = "";  // empty: $XDG_STATE_HOME/motcua-kiosk (or ~/.local/state/motcua-kiosk)
    } paths;
    struct Catalog {
        std::string bundled = "";    // empty: <assets>/catalog/procedures.json
        int sync_interval_min = 360; // catalog sync from the gateway, when a gateway is set
    } catalog;
    struct Gateway {
        std::string url = ""; // empty: offline office (local dossier store, bundled catalog)
        std::string token = "";
        std::string ca_file = "";
        int connect_timeout_ms = 3000;
        int total_timeout_ms = 8000;
        int max_response_bytes = 1048576;
        int retries = 2;
        int backoff_ms = 300;
    } gateway;
    struct Dossier {
        std::string source = "sqlite"; // sqlite | gateway
        std::string sqlite_path = "";  // empty: <state>/dossiers.sqlite
        std::string seed_csv =
            ""; // imported when the SQLite store is empty; empty: <assets>/demo/dossiers.csv
        std::vector<std::string> qr_param_names = {"code", "mahoso", "ma_ho_so", "maHoSo"};
        std::vector<std::string> qr_allowed_hosts = {"dichvucong.hanoi.gov.vn", "motcua.hanoi.gov.vn"};
    } dossier;
    struct Scanner {
        std::string source = "none"; // none | camera | images
        std::string camera_device = "/dev/video0";
        int camera_width = 1280;
        int camera_height = 720;
        bool mirror = true;
        std::string image_dir = "";
        bool hid_enabled = true;
        int hid_max_gap_ms = 35;
    } scanner;
    struct Printer {
        std::string sink = "png"; // png | cups
        std::string png_dir = ""; // empty: <state>/tickets
        std::string cups_destination = "";
        std::string cups_server = ""; // empty: the system's CUPS (host:port or socket path otherwise)
        int paper_mm = 80;            // 80 | 58
        int job_timeout_s = 20;
        std::string footer_vi = "Cảm ơn ông/bà. Vui lòng chờ gọi số.";
        std::string footer_en = "Thank you. Please wait for your number.";
    } printer;
    struct Queue {
        std::string store = "sqlite"; // sqlite | postgres
        std::string sqlite_path = ""; // empty: <state>/queue.sqlite
        std::string postgres_dsn = "";
        std::string day_reset = "00:00"; // local time (Asia/Ho_Chi_Minh) at which numbering restarts
        int min_served_for_estimate = 5;
        int rating_window_minutes =
            0; // a served ticket may be rated: 0 = until the office day ends; N minutes
        std::string priority_policy = "strict"; // strict | interleave (one priority after N regular)
        int regular_per_priority = 3;
        int skip_return_minutes = 15;           // a no-show may come back within this time
        std::string transfer_position = "back"; // front | back of the other service's line
    } queue;
    struct Counter {
        int number = 0; // this console's counter (kiosk --mode counter); 0 = not set
    } counter;
    struct Speech {
        std::string output = "sdl"; // sdl (sound card) | wav (files in wav_dir) | off
        std::string wav_dir = "";   // output=wav: folder; empty = <state>/speech
        std::string clips_dir = ""; // recorded clips (see kiosk/core/speech/spoken_words.hpp); empty = none
        bool english = true;        // the call in English after Vietnamese
        int rate_wpm = 150;
    } speech;
    std::vector<ServiceConfig> services = default_services();
    struct Status {
        bool enabled = true;
        std::string listen = "127.0.0.1";
        int port = 8088;
        std::string token = "";
        int heartbeat_s = 60;
        std::string tls_cert = ""; // PEM files; both empty = plain HTTP
        std::string tls_key = "";
    } status;
    struct Fleet {
        std::string config_url = ""; // central configuration layer (usually {gateway}/v1/kiosks/{id}/config)
        int config_poll_s = 300;
    } fleet;

    static std::vector<ServiceConfig> default_services();
};

} // namespace kiosk::config
