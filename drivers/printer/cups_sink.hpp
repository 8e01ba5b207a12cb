#pragma once
// CupsSink: prints a ticket as a raw ESC/POS job on a CUPS queue and reports printer faults.
// Before each job it reads printer-state / printer-state-reasons / printer-is-accepting-jobs and refuses
// early with a typed fault (out of paper, stopped, offline, ...); then it submits the bytes as
// application/vnd.cups-raw and follows the job until it is completed, failed, or the timeout passes – in the
// last two cases it cancels the job, so a ticket the citizen was told had failed never prints minutes later.
// Through a raw queue there is no back-channel: everything known about the printer comes from CUPS.
// It does not render (give it a raster) and does not configure queues (see deploy/). No CUPS types leak
// out of this header; every call opens its own short-lived connection, so a restarted cupsd needs no reset.

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/ticket_sink.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>
#include <vector>

namespace kiosk::printer {

struct CupsSinkOptions {
    std::string server;      // "host:port", "host" (port 631), "/path/to/cups.sock"; empty: libcups default
    std::string destination; // CUPS queue name
    EscPosOptions escpos;
    int connect_timeout_ms = 2000; // cupsd not answering within this → service_down
    int io_timeout_ms = 5000;      // one IPP request/response
    int job_timeout_ms = 20000;    // submit → completed; longer → job_stuck (and the job is cancelled)
    int poll_interval_ms = 25;     // job-state polling while following a job
};

struct CupsDestination {
    std::string name;
    std::string info;       // printer-info
    std::string device_uri; // device-uri (may be empty for non-admin views)
    std::string state;      // idle | processing | stopped
    std::vector<std::string> reasons;
    std::string message; // printer-state-message
    bool accepting = true;
    Fault fault = Fault::none; // what a print would run into now
};

// Every queue the server knows. Errors: kind "service_down" when cupsd cannot be reached.
[[nodiscard]] Result<std::vector<CupsDestination>> list_cups_destinations(const CupsSinkOptions& options);

class CupsSink final : public TicketSink {
  public:
    explicit CupsSink(CupsSinkOptions options);

    // status check → submit → follow to completion.
    [[nodiscard]] PrintOutcome print(const PrintJob& job) override;
    [[nodiscard]] PrinterStatus status() override;
    [[nodiscard]] std::string describe() const override;

    // The first two steps of print(): on success the outcome is ok and `job_id` is set (bench, async
    // callers).
    [[nodiscard]] PrintOutcome submit(const PrintJob& job, int& job_id);
    // Waits for a submitted job; cancels it on failure or timeout.
    [[nodiscard]] PrintOutcome follow(int job_id);

  private:
    CupsSinkOptions options_;
};

} // namespace kiosk::printer
