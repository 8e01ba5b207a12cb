#pragma once
// What a queue ticket's QR code carries and how the kiosk reads it back: the office, the office day, the
// display number and the ticket's random check value
// ("motcua-ticket:1:<office>:<YYYYMMDD>:<display>:<check>"). Reading is pure parsing: whether the ticket
// exists, was served and carries that check value is decided against the store (kiosk/core/queue/rating.hpp).
// It holds nothing personal. It does not generate check values (the stores do, at issue) and does not decode
// images.

#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>

namespace kiosk::queue {

inline constexpr std::string_view kTicketQrPrefix = "motcua-ticket:";
// Check values use this alphabet (no 0/O, 1/I/L look-alikes), kCheckLength characters (~29 bits).
inline constexpr std::string_view kCheckAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kCheckLength = 6;

struct TicketQr {
    std::string office;
    OfficeDay day; // "YYYY-MM-DD"
    std::string display;
    std::string check;
};

// The payload printed in `ticket`'s QR code.
[[nodiscard]] std::string ticket_qr_text(const Ticket& ticket);
// True when `payload` claims to be a queue ticket (starts with the ticket prefix), valid or not; the dossier
// reader hands such payloads to the rating feature instead of refusing them as dossier codes.
[[nodiscard]] bool looks_like_ticket_qr(std::string_view payload);
// Errors (kind = i18n key): "rating.error.not_ticket" (another kind of code), "rating.error.bad_qr" (a
// ticket prefix but malformed fields); the message names the field.
[[nodiscard]] Result<TicketQr> parse_ticket_qr(std::string_view payload);
// A typed "B001 K7Q2MX" / "b001-k7q2mx" (display number and check value, as printed under the QR):
// upper-cased, separators removed. Errors: "rating.error.bad_typed".
[[nodiscard]] Result<std::pair<std::string, std::string>> parse_typed_ticket(std::string_view typed);
// A new random check value (the operating system's random source, getrandom(2)).
[[nodiscard]] std::string random_check_value();

} // namespace kiosk::queue
