#pragma once
// Ticket: one queue number as recorded by a TicketStore (who, which service and day, its number and display
// text, where it is in its life). Plain data plus the names of states and priority kinds; it does not
// allocate numbers or change state (TicketStore does).

#include "kiosk/core/queue/office_day.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::queue {

// issued: number allocated and recorded (shown on screen); printed / print_failed: outcome of the print;
// called: a counter called it; served: done; voided: cancelled by staff (number stays used);
// skipped: called but the citizen did not come (may return to the queue within the office's window).
enum class TicketState { issued, printed, print_failed, called, served, voided, skipped };

// Who may take a priority number (Vietnamese offices serve these first).
// small_child (a parent with a child under 36 months) was added after `other`, so stored values keep their
// meaning.
// Legal basis of each group (reviewed 2026-11-29; [u] = the article text could not be read then, unverified):
// - elderly: Luật Người cao tuổi 39/2009/QH12, Art. 2: a citizen aged 60 or over.
// - disability: Luật Người khuyết tật 51/2010/QH12 (state priority policies for persons with disabilities)
// [u].
// - pregnant, small_child: Luật Bình đẳng giới 73/2006/QH11 (support for mothers in pregnancy and while
//   raising small children) [u]; "under 36 months" is the threshold Vietnamese law uses for nursing mothers
//   (e.g. Bộ luật Hình sự 2015 Art. 40(2), Luật Phòng, chống bạo lực gia đình 2022).
// - merit: Pháp lệnh Ưu đãi người có công với cách mạng 02/2020/UBTVQH14 (war invalids are among them) [u].
// - other: anyone the office itself lets go first (e.g. a seriously ill person); staff decide.
// The closest verbatim list found is Luật Khám bệnh, chữa bệnh 15/2023/QH15 Art. 3(2) (hospitals: emergency,
// children under 6, pregnant women, severe disability, aged 75+, people with merit); the one-stop decrees
// (NĐ 61/2018, NĐ 107/2021) were not found to name groups, so which groups an office serves first is local
// policy (queue.priority_policy) on top of these laws.
enum class PriorityKind { none, elderly, disability, pregnant, merit, other, small_child };

// A normal and a priority ticket of one service are numbered in separate sequences.
enum class Series { normal = 0, priority = 1 };

[[nodiscard]] std::string_view to_string(TicketState s);
[[nodiscard]] bool parse_state(std::string_view text, TicketState& out);
[[nodiscard]] std::string_view to_string(PriorityKind k);
[[nodiscard]] bool parse_priority(std::string_view text, PriorityKind& out);
// i18n key naming a priority kind, e.g. "queue.priority.elderly".
[[nodiscard]] std::string priority_key(PriorityKind k);
// i18n key naming a state, e.g. "queue.state.printed".
[[nodiscard]] std::string state_key(TicketState s);

// Still waiting to be called (a ticket whose print failed was shown on screen, so it waits too).
[[nodiscard]] inline bool is_waiting(TicketState s) {
    return s == TicketState::issued || s == TicketState::printed || s == TicketState::print_failed;
}

struct Ticket {
    std::int64_t id = 0; // store-wide unique, increasing in issue order
    std::string office;
    std::string service;
    OfficeDay day;
    Series series = Series::normal;
    int number = 0;
    std::string display; // "A015", "UT-003"
    PriorityKind priority = PriorityKind::none;
    TicketState state = TicketState::issued;
    TimePoint issued_at{};
    std::optional<TimePoint> printed_at, called_at, served_at, voided_at;
    std::optional<int> counter;
    std::string note; // print failure reason or void reason
    // Short random value set at issue and printed in the ticket's QR code (kiosk/core/queue/ticket_qr.hpp),
    // so a guessed or forged code is refused. Empty for tickets recorded before it existed.
    std::string check;

    [[nodiscard]] bool is_priority() const { return series == Series::priority; }
};

// prefix + number, zero-padded to 3 digits (more if the range needs it): ("A", 15) → "A015".
[[nodiscard]] std::string display_text(std::string_view prefix, int number);

} // namespace kiosk::queue
