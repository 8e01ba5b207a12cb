#pragma once
// Printer faults: one typed kind per thing that can stop a ticket from coming out, their stable codes
// (for logs, JSON and metrics) and translation keys for staff and for citizens (assets/i18n/printer.tsv).
// Also the pure mapping from CUPS printer-state / printer-state-reasons / accepting to a fault.
// It does not talk to CUPS (see cups_sink.hpp) and holds no text itself.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::printer {

enum class Fault {
    none,
    out_of_paper,    // media-empty / media-needed
    paper_jam,       // media-jam
    cover_open,      // cover-open / door-open / interlock-open
    offline,         // offline / offline-report / shutdown: the printer does not answer
    stopped,         // queue stopped (cupsdisable, paused, error policy stop-printer)
    not_accepting,   // queue rejects jobs (cupsreject)
    printer_missing, // no such destination
    service_down,    // CUPS not reachable
    job_stuck,       // job not finished within the timeout (printer unreachable, stalled link)
    job_failed,      // job aborted, cancelled or held by the spooler
    io_error,        // local write failed (PNG directory, disk full)
    invalid_job,     // nothing printable (empty raster)
};

[[nodiscard]] std::string_view fault_code(Fault fault); // "out_of_paper", ...
[[nodiscard]] std::optional<Fault> fault_from_code(std::string_view code);
[[nodiscard]] std::vector<Fault> all_faults();
// "printer.fault.<code>.staff" – what staff should do; "printer.fault.<code>.citizen" – what the citizen
// sees (their number stays valid). fault none maps to "printer.ok.*".
[[nodiscard]] std::string fault_staff_key(Fault fault);
[[nodiscard]] std::string fault_citizen_key(Fault fault);

// IPP printer-state values (RFC 8011): 3 idle, 4 processing, 5 stopped.
struct CupsPrinterState {
    int state = 3;
    std::vector<std::string> reasons; // printer-state-reasons keywords, "none" allowed
    bool accepting = true;
};

// Reasons win over the state (a stopped printer that is out of paper reports out_of_paper: that is what
// staff must fix). "-warning" reasons never block; "-error", "-report" and bare keywords do.
[[nodiscard]] Fault classify(const CupsPrinterState& s);

} // namespace kiosk::printer
