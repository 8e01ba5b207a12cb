#pragma once
// What the queue screens ask for. Routed to the QueueFeature (it registers these types).

#include <string>

namespace kiosk::features::queue_ui {

inline constexpr const char* kServicesScreen = "queue.services"; // pick a service (and priority)
inline constexpr const char* kTicketScreen = "queue.ticket";     // the issued ticket

// The citizen asked for a priority number at a service: ask which priority group where the service allows
// priority, else issue a regular number at once. Empty code: back to the list. (Tapping the service itself
// sends IssueTicket with no priority: a regular ticket in one tap.)
struct PickService {
    std::string service_code;
};
// Issue a number; priority empty = normal.
struct IssueTicket {
    std::string service_code;
    std::string priority;
};

} // namespace kiosk::features::queue_ui
