#pragma once
// What the rating screens ask for, and the scanned ticket code the dossier feature (which owns the camera
// and the USB scanner) hands over when a queue ticket's QR is read. Routed to the RatingFeature.

#include <string>

namespace kiosk::features::rating_ui {

inline constexpr const char* kEnterScreen = "rating.enter"; // scan the ticket QR or type its number
inline constexpr const char* kRateScreen = "rating.rate";   // service, counter, the three levels, reasons

struct TicketCodeScanned {
    std::string payload; // a "motcua-ticket:..." payload, not yet validated
};
struct SubmitTypedTicket {};
struct PickLevel {
    int level; // queue::RatingLevel
};
struct ToggleReason {
    unsigned bit; // queue::RatingReason
};
struct SendRating {};

} // namespace kiosk::features::rating_ui
