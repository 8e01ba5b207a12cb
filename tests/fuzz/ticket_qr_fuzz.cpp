// Ticket QR payloads and typed ticket codes from the scanner or keypad: never crash, and an accepted payload
// is exactly what the printer would have printed for the ticket it names.
#include "kiosk/core/queue/ticket_qr.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    using namespace kiosk::queue;
    if (auto qr = parse_ticket_qr(input); qr.ok() && input.rfind(kTicketQrPrefix, 0) == 0) {
        Ticket t;
        t.office = qr->office;
        t.day = qr->day;
        t.display = qr->display;
        t.check = qr->check;
        if (ticket_qr_text(t) != input) std::abort();
    }
    if (auto typed = parse_typed_ticket(input); typed.ok()) {
        if (typed->second.size() != kCheckLength || typed->first.empty()) std::abort();
    }
    return 0;
}
