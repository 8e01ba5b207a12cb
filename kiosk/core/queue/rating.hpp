#pragma once
// Citizen satisfaction ratings of served queue tickets: the three levels, the reasons a citizen may give for
// "not satisfied", the RatingStore that records them (one per ticket), and the rules deciding whether a
// ticket scanned or typed at the kiosk may be rated now. A rating holds the ticket id, service, counter, day,
// level, reasons and time: nothing about the person. Implementations: SQLite / PostgreSQL
// (kiosk/store/rating_stats_*.hpp) and MemoryRatingStore (tests). It does not draw or read QR images.

#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/core/queue/ticket_store.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::queue {

enum class RatingLevel { not_satisfied = 1, satisfied = 2, very_satisfied = 3 };

// Reasons for "not satisfied", as bits of Rating::reasons.
enum RatingReason : unsigned {
    reason_waiting_time = 1u << 0,
    reason_attitude = 1u << 1,
    reason_guidance = 1u << 2,
    reason_documents = 1u << 3, // documents asked that were not in the list
    reason_result_late = 1u << 4,
    reason_other = 1u << 5,
};
inline constexpr std::array<std::string_view, 6> kReasonNames{"waiting_time", "attitude",    "guidance",
                                                              "documents",    "result_late", "other"};
inline constexpr unsigned kAllReasons = (1u << kReasonNames.size()) - 1;

[[nodiscard]] std::string_view to_string(RatingLevel level);
[[nodiscard]] bool parse_level(std::string_view text, RatingLevel& out);

// Error kinds (i18n keys shown to the citizen; messages carry the detail for logs).
inline constexpr const char* kErrAlreadyRated = "rating.error.already_rated";
inline constexpr const char* kErrNotServed = "rating.error.not_served";
inline constexpr const char* kErrForged = "rating.error.forged";
inline constexpr const char* kErrOtherOffice = "rating.error.other_office";
inline constexpr const char* kErrOtherDay = "rating.error.other_day";
inline constexpr const char* kErrExpired = "rating.error.expired";
inline constexpr const char* kErrNeedReason = "rating.error.need_reason";

struct Rating {
    std::int64_t ticket_id = 0;
    std::string service;
    OfficeDay day;
    std::optional<int> counter;
    RatingLevel level = RatingLevel::satisfied;
    unsigned reasons = 0; // RatingReason bits; only with not_satisfied
    TimePoint rated_at{};
};

class RatingStore {
  public:
    virtual ~RatingStore() = default;
    // Records a rating; a second rating of the same ticket → kErrAlreadyRated (also under races: the stores
    // keep one row per ticket id).
    [[nodiscard]] virtual Status add(const Rating& rating) = 0;
    [[nodiscard]] virtual Result<bool> is_rated(std::int64_t ticket_id) = 0;
};

// A ticket that may be rated: what the rating screen shows (service, counter) and records.
struct RateableTicket {
    std::int64_t id = 0;
    std::string display;
    std::string service;
    OfficeDay day;
    std::optional<int> counter;
};

struct RatingRules {
    std::string office;     // this kiosk's office id
    int window_minutes = 0; // 0: until the office day ends; N: up to N minutes after the ticket was served
};

// Finds the claimed ticket and decides whether it may be rated now. Refusals, in this order: another office
// (kErrOtherOffice), another day (kErrOtherDay, same-day window only), no such ticket or a check value that
// does not match (kErrForged: a guessed code learns nothing more), not served (kErrNotServed), served too
// long ago (kErrExpired), rated before (kErrAlreadyRated). Store failures pass through (queue.error.*).
[[nodiscard]] Result<RateableTicket> find_rateable(TicketStore& tickets, RatingStore& ratings,
                                                   const TicketQr& claim, const RatingRules& rules,
                                                   TimePoint now);
// The part of find_rateable that follows the lookup, for a ticket the caller already holds (the counter
// console, right after staff marked it served): not served (kErrNotServed), served too long ago
// (kErrExpired), rated before (kErrAlreadyRated). The same rules and order as for a scanned ticket.
[[nodiscard]] Result<RateableTicket> check_rateable(const Ticket& ticket, RatingStore& ratings,
                                                    const RatingRules& rules, TimePoint now);
// Checks the choice (reasons only and at least one with not_satisfied: kErrNeedReason) and records it.
[[nodiscard]] Status record_rating(RatingStore& ratings, const RateableTicket& ticket, RatingLevel level,
                                   unsigned reasons, TimePoint now);

} // namespace kiosk::queue
