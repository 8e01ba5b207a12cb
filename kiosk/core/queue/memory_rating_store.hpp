#pragma once
// MemoryRatingStore: the test double of RatingStore (one rating per ticket id, like the real stores), with an
// injectable failure. Every call takes one mutex. Not durable.

#include "kiosk/core/queue/rating.hpp"

#include <mutex>
#include <optional>
#include <vector>

namespace kiosk::queue {

class MemoryRatingStore final : public RatingStore {
  public:
    std::optional<Error> fail;
    std::vector<Rating> ratings;
    std::mutex m;

    [[nodiscard]] Status add(const Rating& r) override {
        std::lock_guard l(m);
        if (fail) return *fail;
        for (const auto& o : ratings)
            if (o.ticket_id == r.ticket_id) return make_error(kErrAlreadyRated, "ticket already rated");
        ratings.push_back(r);
        return Ok{};
    }
    [[nodiscard]] Result<bool> is_rated(std::int64_t id) override {
        std::lock_guard l(m);
        if (fail) return *fail;
        for (const auto& o : ratings)
            if (o.ticket_id == id) return true;
        return false;
    }
};

} // namespace kiosk::queue
