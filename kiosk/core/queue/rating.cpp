#include "kiosk/core/queue/rating.hpp"

namespace kiosk::queue {

std::string_view to_string(RatingLevel level) {
    switch (level) {
    case RatingLevel::not_satisfied:
        return "not_satisfied";
    case RatingLevel::satisfied:
        return "satisfied";
    case RatingLevel::very_satisfied:
        return "very_satisfied";
    }
    return "satisfied";
}

bool parse_level(std::string_view text, RatingLevel& out) {
    for (auto l : {RatingLevel::not_satisfied, RatingLevel::satisfied, RatingLevel::very_satisfied})
        if (text == to_string(l)) return out = l, true;
    return false;
}

Result<RateableTicket> find_rateable(TicketStore& tickets, RatingStore& ratings, const TicketQr& claim,
                                     const RatingRules& rules, TimePoint now) {
    if (claim.office != rules.office)
        return make_error(kErrOtherOffice,
                          "ticket of office '" + claim.office + "', this kiosk is '" + rules.office + "'");
    const OfficeDay today = tickets.day_of(now);
    if (rules.window_minutes <= 0 && claim.day != today)
        return make_error(kErrOtherDay, "ticket of " + claim.day.iso + ", today is " + today.iso);
    auto found = tickets.find(claim.day, claim.display);
    if (!found) {
        if (found.error().kind == kErrNotFound)
            return make_error(kErrForged, "no ticket " + claim.display + " on " + claim.day.iso);
        return found.error();
    }
    const Ticket& t = *found;
    // An empty stored value (a ticket from before check values) never matches: it cannot be proven.
    if (t.check.empty() || t.check != claim.check)
        return make_error(kErrForged, "check value does not match ticket " + t.display + " of " + t.day.iso);
    return check_rateable(t, ratings, rules, now);
}

Result<RateableTicket> check_rateable(const Ticket& t, RatingStore& ratings, const RatingRules& rules,
                                      TimePoint now) {
    if (t.state != TicketState::served || !t.served_at)
        return make_error(kErrNotServed, "ticket " + t.display + " is " + std::string(to_string(t.state)));
    if (rules.window_minutes > 0 && now - *t.served_at > std::chrono::minutes(rules.window_minutes))
        return make_error(kErrExpired, "ticket " + t.display + " was served more than " +
                                           std::to_string(rules.window_minutes) + " minutes ago");
    auto rated = ratings.is_rated(t.id);
    if (!rated) return rated.error();
    if (*rated) return make_error(kErrAlreadyRated, "ticket " + t.display + " of " + t.day.iso + " is rated");
    return RateableTicket{t.id, t.display, t.service, t.day, t.counter};
}

Status record_rating(RatingStore& ratings, const RateableTicket& ticket, RatingLevel level, unsigned reasons,
                     TimePoint now) {
    if (reasons & ~kAllReasons) return make_error(kErrNeedReason, "unknown reason bits");
    if (level == RatingLevel::not_satisfied && reasons == 0)
        return make_error(kErrNeedReason, "'not satisfied' needs at least one reason");
    if (level != RatingLevel::not_satisfied) reasons = 0;
    Rating r;
    r.ticket_id = ticket.id;
    r.service = ticket.service;
    r.day = ticket.day;
    r.counter = ticket.counter;
    r.level = level;
    r.reasons = reasons;
    r.rated_at = now;
    return ratings.add(r);
}

} // namespace kiosk::queue
