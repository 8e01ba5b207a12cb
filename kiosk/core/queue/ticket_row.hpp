#pragma once
// Shared by the SQL ticket stores: the column list both schemas select, and the conversion of one row (all
// columns as text, NULL = nullopt) into a Ticket. No database types here; it does not run queries.

#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/util/result.hpp"

#include <array>
#include <optional>
#include <string>

namespace kiosk::queue {

inline constexpr const char* kTicketColumns =
    "id, office, service, day, series, number, display, priority, state, issued_at, printed_at, called_at, "
    "served_at, voided_at, counter, note, check_code";
inline constexpr int kTicketColumnCount = 17;

using TicketRow = std::array<std::optional<std::string>, kTicketColumnCount>;

// Errors name the column and value that could not be read.
[[nodiscard]] Result<Ticket> ticket_from_row(const TicketRow& row);

} // namespace kiosk::queue
