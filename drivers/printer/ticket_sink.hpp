#pragma once
// TicketSink: where a rendered ticket goes (PNG file, CUPS queue, test double), chosen at run time.
// print() blocks until the ticket is out (or has clearly failed) and never throws; it returns a
// PrintOutcome whose fault maps to translation keys for staff and for citizens (see printer_fault.hpp).
// status() reports whether the sink could print now, without printing. Implementations are not required to
// be thread-safe: the app calls one sink from one printing worker.

#include "drivers/printer/printer_fault.hpp"
#include "drivers/printer/raster.hpp"

#include <string>
#include <vector>

namespace kiosk::printer {

struct PrintJob {
    Raster raster;
    std::string title; // the ticket id; names the CUPS job / PNG file
};

struct PrintOutcome {
    Fault fault = Fault::none;
    std::string detail;   // for logs and staff: CUPS reasons, file path, errno text...
    std::string location; // where it went: PNG path, "dest#job-id"
    [[nodiscard]] bool ok() const { return fault == Fault::none; }
};

struct PrinterStatus {
    Fault fault = Fault::none;        // none: a ticket could be printed now
    std::string state;                // "idle", "processing", "stopped", "ready", "unreachable"...
    std::vector<std::string> reasons; // raw printer-state-reasons (CUPS), empty for others
    std::string message;              // printer-state-message or sink-specific detail
    [[nodiscard]] bool ready() const { return fault == Fault::none; }
};

class TicketSink {
  public:
    virtual ~TicketSink() = default;
    [[nodiscard]] virtual PrintOutcome print(const PrintJob& job) = 0;
    [[nodiscard]] virtual PrinterStatus status() = 0;
    [[nodiscard]] virtual std::string
    describe() const = 0; // e.g. "cups:Kiosk80@127.0.0.1:631", "png:/var/..."
};

} // namespace kiosk::printer
