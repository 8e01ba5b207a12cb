#pragma once
// What the queue screens show: the services to pick from (office data, kept across citizens) and the
// citizen's ticket or error (forgotten on idle or when leaving). Filled by the app's queue feature; read by
// draw code.

#include "kiosk/ui/widgets/qr_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct QueueServiceView {
    std::string code, name_vi, name_en;
    std::vector<int> counters;
    bool open = true;
    bool priority_allowed = true;
    int waiting = -1; // -1: unknown (store not reached yet)
};

struct TicketView {
    std::string display; // "A015"
    std::string service_vi, service_en;
    std::string priority_key; // "queue.priority.elderly"; empty for a normal ticket
    std::string issued_time;  // "09:31 – 27/11/2026"
    std::vector<int> counters;
    int ahead = 0;
    int wait_minutes = -1; // -1: no estimate yet today
    bool printed = false;
    std::string print_fault_key; // citizen-facing explanation when the print failed
    std::string ticket_id;       // for staff lookup (QR payload)
    QrView qr;
};

struct QueueModel {
    std::vector<QueueServiceView> services;
    std::string store_error_key; // the ticket store cannot be reached
    // The citizen's part:
    std::string chosen_service; // a service waiting for the priority choice
    bool issuing = false;       // the issue button is disabled while a ticket is being issued
    std::optional<TicketView> ticket;
    std::string error_key, error_detail;

    void forget() {
        chosen_service.clear();
        ticket.reset();
        error_key.clear();
        error_detail.clear();
    }
};

} // namespace kiosk::ui
