#pragma once
// What the queue screens ask for. Routed to the QueueFeature (it registers these types).

#include <string>

namespace kiosk::features::queue_ui {

inline constexpr const char* kServicesScreen = "queue.services"; // pick a service (and priority)
inline constexpr const char* kTicketScreen = "queue.ticket";     // the issued ticket

// A service was tapped: ask about priority where allowed, else issue at once. Empty code: back to the list.
struct PickService {
    std::string service_code;
};
// Issue a number; priority empty = normal.
struct IssueTicket {
    std::string service_code;
    std::string priority;
};

} // namespace kiosk::features::queue_ui
