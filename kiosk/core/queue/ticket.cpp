#include "kiosk/core/queue/ticket.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace kiosk::queue {

namespace {
constexpr std::array<std::pair<TicketState, std::string_view>, 7> kStates{{
    {TicketState::issued, "issued"},
    {TicketState::printed, "printed"},
    {TicketState::print_failed, "print_failed"},
    {TicketState::called, "called"},
    {TicketState::served, "served"},
    {TicketState::voided, "voided"},
    {TicketState::skipped, "skipped"},
}};
constexpr std::array<std::pair<PriorityKind, std::string_view>, 7> kKinds{{
    {PriorityKind::none, "none"},
    {PriorityKind::elderly, "elderly"},
    {PriorityKind::disability, "disability"},
    {PriorityKind::pregnant, "pregnant"},
    {PriorityKind::merit, "merit"},
    {PriorityKind::other, "other"},
    {PriorityKind::small_child, "small_child"},
}};
} // namespace

std::string_view to_string(TicketState s) {
    for (auto& [k, v] : kStates)
        if (k == s) return v;
    return "?";
}

bool parse_state(std::string_view text, TicketState& out) {
    for (auto& [k, v] : kStates)
        if (v == text) return out = k, true;
    return false;
}

std::string_view to_string(PriorityKind p) {
    for (auto& [k, v] : kKinds)
        if (k == p) return v;
    return "?";
}

bool parse_priority(std::string_view text, PriorityKind& out) {
    for (auto& [k, v] : kKinds)
        if (v == text) return out = k, true;
    return false;
}

std::string priority_key(PriorityKind k) {
    return "queue.priority." + std::string(to_string(k));
}
std::string state_key(TicketState s) {
    return "queue.state." + std::string(to_string(s));
}

std::string display_text(std::string_view prefix, int number) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", number);
    return std::string(prefix) + buf;
}

} // namespace kiosk::queue
