#pragma once
// LayoutPrinter: what features print through. It takes a ticket layout (text, number, QR) and puts it on
// paper, or says why not. The real one (TicketPrinter) renders a raster and hands it to a TicketSink;
// FakeLayoutPrinter records layouts for tests. print() and status() may block (CUPS, files): call them from a
// worker, never from the UI thread. Implementations serialise calls themselves.

#include "drivers/printer/ticket_sink.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"

#include <string>

namespace kiosk::printer {

class LayoutPrinter {
  public:
    virtual ~LayoutPrinter() = default;
    [[nodiscard]] virtual PrintOutcome print(const ticket::TicketLayout& layout,
                                             const std::string& title) = 0;
    [[nodiscard]] virtual PrinterStatus status() = 0;
    [[nodiscard]] virtual std::string describe() const = 0;
};

} // namespace kiosk::printer
