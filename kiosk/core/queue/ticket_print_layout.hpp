#pragma once
// What a queue ticket says, in the citizen's language: the TicketLayout the printer draws and the QR payload
// staff scan. One function for the kiosk screen and `kioskctl ticket issue --print`, so both print the same
// ticket.

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"

#include <string>

namespace kiosk::queue {

// What the ticket's QR holds (ticket_qr_text: office, day, number, check value; no personal data).
[[nodiscard]] std::string ticket_qr_payload(const Ticket& ticket);
// "09:31 – 27/11/2026" in Vietnam time.
[[nodiscard]] std::string vietnam_time_text(TimePoint t);

[[nodiscard]] ticket::TicketLayout ticket_print_layout(const Ticket& ticket, const Service& service,
                                                       int ahead, const config::Config& config,
                                                       const i18n::Translator& translator, i18n::Lang lang);

} // namespace kiosk::queue
