#include "kiosk/runtime/queue_print.hpp"

#include "kiosk/core/queue/ticket_print_layout.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"

namespace kiosk::runtime {

QueuePrint print_queue_ticket(printer::LayoutPrinter& out, queue::TicketStore& store, const queue::Ticket& t,
                              const queue::Service& service, const config::Config& config,
                              const i18n::Translator& translator, i18n::Lang lang) {
    QueuePrint result;
    auto position =
        queue::queue_position(store, t, service, {config.queue.min_served_for_estimate}, t.issued_at);
    if (position) result.ahead = position->ahead;
    auto layout = queue::ticket_print_layout(t, service, result.ahead, config, translator, lang);
    result.printer = out.print(layout, t.display);
    if (result.printer.ok())
        result.issuer = {true, {}};
    else
        result.issuer = {false, std::string(printer::fault_code(result.printer.fault)) + ": " +
                                    result.printer.detail};
    return result;
}

} // namespace kiosk::runtime
