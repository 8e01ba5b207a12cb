#pragma once
// What the set-up screens show. The PIN pad shows how many digits were typed, never the digits. No citizen
// data is ever copied here: the health lines are counters and states, the audit lines are set-up events.
// Filled by the SetupFeature on the UI thread; read by draw code.

#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/preview_image.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

struct SetupModel {
    enum class PinMode { enter, create, confirm };
    PinMode pin_mode = PinMode::enter;
    int pin_digits = 0;          // how many digits are typed
    bool pin_changing = false;   // create/confirm while set-up is open: a change, not a first PIN
    std::string pin_message_key; // "setup.pin_wrong", "setup.pin_error.too_short", ...
    std::string pin_message_arg;
    bool checking = false;        // a PIN is being checked or hashed on the worker
    long long locked_seconds = 0; // > 0: the pad is locked

    // Any set-up screen: the result of the last action.
    std::string message_key, message_arg;
    bool message_error = false;
    bool can_undo = false;
    bool working = false; // a save, undo or export is running

    // Office (a draft until saved).
    std::string language = "vi";
    int idle_timeout_s = 60;
    std::string orientation = "portrait";
    double scale = 0;
    std::string office_name_vi, office_name_en, subtitle_vi, subtitle_en, kiosk_id, office_id;
    bool draft_changed = false;

    // Health, in words: a label key and its parts; a part that is a known state word ("ok", "defaults",
    // "disabled"...) is shown through "setup.word.<word>", anything else as it is. The problems are staff
    // translation keys with the technical detail.
    struct HealthLine {
        std::string label_key;
        std::vector<std::string> parts;
    };
    std::vector<HealthLine> health_lines;
    std::vector<std::pair<std::string, std::string>> problems;

    std::vector<std::string> audit_lines; // newest last

    // The text editor (one string setting at a time).
    std::string edit_key;  // "office.name_vi"
    std::string edit_text; // as shown: a secret is masked but for its last 4 characters
    bool edit_secret = false;
    KeyboardView edit_keyboard;

    // Network.
    std::string gateway_url;
    std::string token_masked; // "••••••abcd"; empty when no token is set
    bool probing = false;
    struct ProbeLine {
        std::string step;  // dns | tcp | tls | http
        std::string state; // ok | failed | skipped | not_reached
        long ms = -1;
        std::string detail;
    };
    std::vector<ProbeLine> probe;
    long probe_total_ms = -1;
    bool offer_undo = false; // the change just saved failed its own test

    // Printer.
    std::string printer_sink;    // png | cups
    std::string printer_current; // the CUPS queue in use; empty for the PNG sink
    int paper_mm = 80;
    bool printers_loading = false;
    std::string printers_error;
    struct PrinterLine {
        std::string name, state, reasons, device;
        bool accepting = true;
    };
    std::vector<PrinterLine> printers;
    struct DeviceLine {
        std::string uri, info;
    };
    std::vector<DeviceLine> devices; // attached printers CUPS found (usb://...)
    bool printing = false;
    struct FailedTicket {
        long long id = 0;
        std::string display, service, reason;
    };
    std::vector<FailedTicket> failed_tickets; // today's tickets whose print failed

    // Maintenance: configuration files found on a USB drive.
    bool import_listed = false;
    std::vector<std::string> import_files;

    // Scanner.
    struct CameraLine {
        std::string device, name; // "/dev/video0", "HD USB Camera"
    };
    std::vector<CameraLine> cameras;
    std::string scanner_source, camera_device;
    int camera_width = 1280, camera_height = 720;
    bool mirror = true;
    std::string camera_state; // from health: running | off | error | ...
    long long scans = 0, rejected = 0;
    bool scan_waiting = false; // "scan now": waiting for the USB scanner
    std::string scan_result;   // what it read; empty: nothing yet
    bool scan_timed_out = false;
    // Live preview on the Scanner screen (set-up borrows the camera while the screen is open).
    PreviewImage preview;
    bool camera_opening = false;
    std::string camera_error; // why the camera did not open ("busy", "not_found", ...); empty: none
    std::string camera_read;  // the last text the camera decoded on this screen
    long long camera_reads = 0;

    // Health: the office report (the same figures as kioskctl report) for today and the last 7 office days,
    // and the 7 days' chart page rendered on the worker (RGBA; the app uploads it as a texture).
    struct ReportFigures {
        bool present = false;
        long long issued = 0, served = 0, no_shows = 0;
        std::string wait_p50_min, wait_p90_min; // "12.5"; "" = no ticket called
        long long ratings[3] = {};              // not satisfied, satisfied, very satisfied
    };
    bool report_loading = false;
    std::string report_error; // why it could not be read (shown as text)
    ReportFigures report_today, report_week;
    std::string report_from, report_to; // the 7 days, "2026-11-21".."2026-11-27"
    PreviewImage report_chart;

    // Services (a draft list until saved; kiosk/core/setup/service_editor.hpp holds the edits).
    struct ServiceRow {
        std::string code, name_vi, name_en, prefix, range, counters, hours;
        bool enabled = true, priority_allowed = true;
        bool has_problem = false; // some field of it needs fixing before the list can be saved
        bool is_new = false;      // added in this draft: can still be removed
    };
    std::vector<ServiceRow> service_rows;
    bool services_changed = false;
    std::string services_problem_key, services_problem_arg; // about the list as a whole
    // The service open on the edit screen: its text fields with a problem, in words, next to each.
    int service_index = -1;
    struct ServiceField {
        std::string field, text, problem_key, problem_arg;
    };
    std::vector<ServiceField> service_fields;

    void clear_pin() {
        pin_digits = 0;
        checking = false;
    }
};

} // namespace kiosk::ui
