#pragma once
// FakeSink: the test double. Records every job it is given and answers with scripted outcomes (first the
// queued ones in order, then the default), so tests and the UI can exercise each fault without hardware.
// It does not render, encode or sleep.

#include "drivers/printer/ticket_sink.hpp"

#include <deque>
#include <mutex>

namespace kiosk::printer {

class FakeSink final : public TicketSink {
  public:
    [[nodiscard]] PrintOutcome print(const PrintJob& job) override;
    [[nodiscard]] PrinterStatus status() override;
    [[nodiscard]] std::string describe() const override { return "fake"; }

    void fail_next(Fault fault, std::string detail = {}); // queue one outcome
    void set_default(Fault fault);                        // outcome once the queue is empty
    void set_status(PrinterStatus status);
    [[nodiscard]] std::vector<PrintJob> jobs() const; // every job given, in order, failed ones included
    [[nodiscard]] size_t job_count() const;

  private:
    mutable std::mutex mutex_;
    std::vector<PrintJob> jobs_;
    std::deque<PrintOutcome> scripted_;
    Fault default_ = Fault::none;
    PrinterStatus status_{Fault::none, "ready", {}, ""};
};

} // namespace kiosk::printer
