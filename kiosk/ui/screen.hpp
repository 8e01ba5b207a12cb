#pragma once
// The screens a citizen or staff member can be on. Navigation state is a stack of these in the view model.

namespace kiosk::ui {

enum class Screen {
    home,
    procedures,       // browse: level → field → procedure
    procedure_search, // search with the on-screen keyboard
    procedure_detail,
    dossier_scan, // scan the receipt QR or type the code
    dossier_status,
    queue_services, // pick a service (and priority)
    queue_ticket,   // the issued ticket
};

} // namespace kiosk::ui
