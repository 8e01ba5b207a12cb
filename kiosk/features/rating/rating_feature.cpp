#include "kiosk/features/rating/rating_feature.hpp"

#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/features/rating/rating_commands.hpp"
#include "kiosk/features/rating/rating_screens.hpp"

#include <cctype>
#include <utility>

namespace kiosk::features {
namespace {

using namespace rating_ui;

queue::TimePoint now_ms(const Clock& clock) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

// Store failures are the kiosk's problem, not the citizen's: one calm message; the detail goes to the log.
std::string citizen_key(const Error& e) {
    return e.kind.rfind("rating.error.", 0) == 0 ? e.kind : "rating.error.store";
}

} // namespace

struct RatingFeature::Stores {
    std::shared_ptr<queue::TicketStore> tickets;
    runtime::RatingParts ratings;
};

RatingFeature::RatingFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), shell_(c.shell),
      worker_(c.completions, 1) {}

RatingFeature::~RatingFeature() = default;

void RatingFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {kEnterScreen, "rating.title",
                                [this](ui::UiContext& ctx) { ui::draw_rating_enter(ctx, model_); }});
    registry.add_screen(*this, {kRateScreen, "rating.title",
                                [this](ui::UiContext& ctx) { ui::draw_rating_rate(ctx, model_); }});
    registry.add_home_entry({"home-rating", "home.rating", "home.rating_hint", kEnterScreen, 40});
    registry.add_command<TicketCodeScanned>(*this);
    registry.add_command<SubmitTypedTicket>(*this);
    registry.add_command<PickLevel>(*this);
    registry.add_command<ToggleReason>(*this);
    registry.add_command<SendRating>(*this);
}

void RatingFeature::start() {
    if (auto services = queue::queue_services(*config_)) services_ = std::move(services).value();
    open_stores();
}

void RatingFeature::open_stores() {
    auto parts = parts_;
    std::uint64_t generation = ++store_generation_;
    worker_.submit([this, parts, generation]() -> tasks::CompletionQueue::Completion {
        auto stores = std::make_shared<Stores>();
        std::string error;
        if (auto t = parts->open_ticket_store())
            stores->tickets = t.value();
        else
            error = t.error().message;
        if (error.empty()) {
            if (auto r = parts->open_rating_stats())
                stores->ratings = r.value();
            else
                error = r.error().message;
        }
        if (!error.empty()) log_.error("rating.store_unavailable", "cannot open the rating stores: " + error);
        return [this, stores, error, generation] {
            if (generation != store_generation_) return;
            store_error_ = error;
            stores_ = error.empty() ? stores : nullptr;
            health_.store_ok = error.empty();
            next_count_ = {};
        };
    });
}

void RatingFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    config_ = std::move(config);
    parts_ = std::move(parts);
    services_.clear();
    if (auto services = queue::queue_services(*config_)) services_ = std::move(services).value();
    if (changed.tickets) {
        stores_.reset();
        open_stores();
    }
}

queue::RatingRules RatingFeature::rules() const {
    return {parts_->plan().tickets.office, config_->queue.rating_window_minutes};
}

bool RatingFeature::on_rating_screen() const {
    return shell_.screen() == kEnterScreen || shell_.screen() == kRateScreen;
}

void RatingFeature::handle(const ui::FeatureCommand& command) {
    if (const auto* s = command.as<TicketCodeScanned>()) scanned(s->payload);
    if (command.as<SubmitTypedTicket>()) submit_typed();
    if (const auto* p = command.as<PickLevel>()) {
        if (!ticket_ || model_.saving) return;
        model_.level = p->level;
        model_.error_key.clear();
        if (p->level != static_cast<int>(queue::RatingLevel::not_satisfied)) model_.reasons = 0;
    }
    if (const auto* r = command.as<ToggleReason>()) {
        if (!ticket_ || model_.saving) return;
        model_.reasons ^= (r->bit & queue::kAllReasons);
        model_.error_key.clear();
    }
    if (command.as<SendRating>()) send();
}

void RatingFeature::scanned(const std::string& payload) {
    if (model_.checking || model_.saving) return; // one ticket at a time; the scanner repeats itself
    // A scan starts over on the enter screen (it shows the check's progress and any refusal). The shell
    // leaves the rate screen only after this returns: forget the old ticket now and keep what this scan
    // starts.
    if (shell_.screen() == kRateScreen) {
        forget();
        rescan_ = true;
    }
    if (shell_.screen() != kEnterScreen) shell_.request(ui::Navigate{kEnterScreen});
    model_.forget();
    ticket_.reset();
    auto claim = queue::parse_ticket_qr(payload);
    if (!claim) {
        log_.warning("rating.code_refused", "ticket code refused: " + claim.error().message,
                     {{"KIOSK_ERROR_KIND", claim.error().kind}});
        model_.error_key = claim.error().kind;
        return;
    }
    check(*claim, false);
}

void RatingFeature::submit_typed() {
    if (model_.checking || model_.typed.empty()) return;
    auto typed = queue::parse_typed_ticket(model_.typed);
    if (!typed) {
        model_.error_key = typed.error().kind;
        return;
    }
    queue::TicketQr claim;
    claim.office = rules().office;
    claim.display = typed->first;
    claim.check = typed->second;
    check(claim, true); // the day is today's, read from the store on the worker
}

void RatingFeature::check(const queue::TicketQr& claim_in, bool typed) {
    model_.error_key.clear();
    if (!stores_) {
        model_.error_key = "rating.error.store";
        return;
    }
    model_.checking = true;
    auto stores = stores_;
    auto rules = this->rules();
    auto now = now_ms(clock_);
    std::uint64_t generation = citizen_generation_;
    worker_.submit(
        [this, stores, rules, now, generation, claim_in, typed]() -> tasks::CompletionQueue::Completion {
            queue::TicketQr claim = claim_in;
            if (typed) claim.day = stores->tickets->day_of(now);
            auto found = queue::find_rateable(*stores->tickets, *stores->ratings.ratings, claim, rules, now);
            if (!found) {
                Error e = found.error();
                log_.info("rating.ticket_refused", "ticket not rateable: " + e.message,
                          {{"KIOSK_TICKET", claim.display}, {"KIOSK_ERROR_KIND", e.kind}});
                return [this, e, generation] {
                    if (generation != citizen_generation_) return;
                    model_.checking = false;
                    model_.error_key = citizen_key(e);
                };
            }
            return [this, ticket = found.value(), generation] {
                if (generation != citizen_generation_) return;
                model_.checking = false;
                model_.typed.clear();
                ticket_ = ticket;
                model_.found = true;
                model_.display = ticket.display;
                model_.counter = ticket.counter;
                model_.service_vi = model_.service_en = ticket.service;
                if (const auto* s = queue::find_service(services_, ticket.service)) {
                    model_.service_vi = s->name_vi;
                    model_.service_en = s->name_en;
                }
                shell_.request(ui::Navigate{kRateScreen});
            };
        });
}

void RatingFeature::send() {
    if (!ticket_ || model_.saving || model_.level == 0 || !stores_) return;
    model_.saving = true;
    model_.error_key.clear();
    auto stores = stores_;
    auto ticket = *ticket_;
    auto level = static_cast<queue::RatingLevel>(model_.level);
    unsigned reasons = model_.reasons;
    auto now = now_ms(clock_);
    std::uint64_t generation = citizen_generation_;
    worker_.submit(
        [this, stores, ticket, level, reasons, now, generation]() -> tasks::CompletionQueue::Completion {
            auto st = queue::record_rating(*stores->ratings.ratings, ticket, level, reasons, now);
            Error e = st ? Error{} : st.error();
            if (!st)
                log_.error("rating.record_failed", "rating not recorded: " + e.message,
                           {{"KIOSK_ERROR_KIND", e.kind}});
            return [this, ok = bool(st), e, level, generation] {
                if (generation != citizen_generation_) return;
                model_.saving = false;
                if (!ok) {
                    model_.error_key = citizen_key(e);
                    return;
                }
                ++health_.ratings_today[static_cast<std::size_t>(static_cast<int>(level) - 1)];
                model_.thanked = true;
                ticket_.reset();
            };
        });
}

bool RatingFeature::handle_input(const ui::Command& command) {
    if (shell_.screen() != kEnterScreen) return false;
    auto& m = model_;
    if (const auto* input = std::get_if<ui::KeyboardInput>(&command)) {
        for (char ch : input->text) {
            if (m.typed.size() >= 24) break;
            if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == ' ')
                m.typed += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        m.error_key.clear();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardBackspace>(command)) {
        if (!m.typed.empty()) m.typed.pop_back();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardClear>(command)) {
        m.typed.clear();
        m.error_key.clear();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardEnter>(command)) {
        submit_typed();
        return true;
    }
    return false;
}

void RatingFeature::leave(std::string_view screen) {
    // Leaving the rate screen (Back, Home, idle) ends this citizen's rating; a check or save in flight is
    // dropped when it comes back.
    // The enter screen is left for the rate screen once a ticket was found: that keeps it. A scan on the rate
    // screen starts a new check before the shell leaves it: that check is kept too.
    if (screen == kRateScreen && std::exchange(rescan_, false)) return;
    if (screen == kRateScreen || (screen == kEnterScreen && !model_.found)) forget();
}

void RatingFeature::forget() {
    ++citizen_generation_;
    ticket_.reset();
    model_.forget();
}

Clock::time_point RatingFeature::tick(Clock::time_point now) {
    if (stores_ && now >= next_count_) {
        next_count_ = now + std::chrono::minutes(1);
        count_today();
    }
    return stores_ ? next_count_ : Clock::time_point::max();
}

// The day's tickets and ratings for /metrics, counted on the worker from the statistics store.
void RatingFeature::count_today() {
    auto stores = stores_;
    auto now = now_ms(clock_);
    worker_.submit([this, stores, now]() -> tasks::CompletionQueue::Completion {
        const auto today = stores->tickets->day_of(now);
        auto facts = stores->ratings.stats->ticket_facts({today, today, ""});
        if (!facts) {
            std::string message = facts.error().message;
            log_.error("rating.stats_failed", "day statistics: " + message,
                       {{"KIOSK_ERROR_KIND", facts.error().kind}});
            return [this] { health_.store_ok = false; };
        }
        health::RatingHealth h;
        for (const auto& f : *facts) {
            ++h.issued_today;
            if (f.state == queue::TicketState::served) ++h.served_today;
            if (f.state == queue::TicketState::voided) ++h.voided_today;
            if (f.state == queue::TicketState::skipped) ++h.no_show_today;
            if (f.rating >= 1 && f.rating <= 3) ++h.ratings_today[static_cast<std::size_t>(f.rating - 1)];
        }
        return [this, h] { health_ = h; };
    });
}

void RatingFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.rating = health_;
}

} // namespace kiosk::features
