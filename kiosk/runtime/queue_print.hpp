#pragma once
// The print step of issuing a queue ticket, shared by the kiosk's queue screen and `kioskctl ticket
// issue|reprint`: the ticket's place in the queue, its layout in the citizen's language, the printer's
// answer in both the issuer's terms (recorded in the store) and the printer's (shown to the citizen).
// Blocking (store and printer): call it on a worker.

#include "drivers/printer/layout_printer.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

namespace kiosk::runtime {

struct QueuePrint {
    queue::PrintOutcome issuer;    // what TicketIssuer records (ok, or "fault_code: detail")
    printer::PrintOutcome printer; // the printer's own outcome (fault for the citizen message)
    int ahead = 0;                 // people ahead when the ticket was printed
};

[[nodiscard]] QueuePrint print_queue_ticket(printer::LayoutPrinter& printer, queue::TicketStore& store,
                                            const queue::Ticket& ticket, const queue::Service& service,
                                            const config::Config& config, const i18n::Translator& translator,
                                            i18n::Lang lang);

} // namespace kiosk::runtime
