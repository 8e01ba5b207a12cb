#include "kiosk/features/counter/counter_feature.hpp"

#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/setup/counter_pin.hpp"
#include "kiosk/core/setup/setup_paths.hpp"
#include "kiosk/features/counter/counter_commands.hpp"
#include "kiosk/features/counter/counter_screens.hpp"
#include "kiosk/runtime/counter_parts.hpp"
#include "kiosk/runtime/parts_factory.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace kiosk::features {
namespace {

using counter_ui::Action;
using counter_ui::CounterAction;
using counter_ui::kCounterScreen;
using counter_ui::PinKey;
using counter_ui::RatingPick;
using counter_ui::RatingSend;
using counter_ui::RatingSkip;
using counter_ui::RatingToggle;
using counter_ui::TransferTo;

constexpr auto kWatchSlice = std::chrono::milliseconds{500};

queue::TimePoint now_ms(const Clock& clock) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

std::string error_key(const Error& e) {
    return e.kind.rfind("queue.error.", 0) == 0 ? e.kind : "queue.error.store_failed";
}

} // namespace

struct CounterFeature::Opened {
    std::mutex mutex; // the desk is used by the operation worker; the watcher has its own connection
    std::unique_ptr<queue::CounterDesk> desk;
    std::unique_ptr<queue::QueueWatcher> watcher;
    // The rating store, opened on the worker the first time a ticket is served here (null until then or
    // when it cannot be opened: the console then simply offers no rating).
    std::shared_ptr<queue::RatingStore> ratings;
};

CounterFeature::CounterFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), worker_(c.completions, 1),
      watcher_(c.completions, 1) {}

CounterFeature::~CounterFeature() {
    live_->store(0);
}

void CounterFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {.id = kCounterScreen,
                                .title_key = "counter.screen",
                                .draw = [this](ui::UiContext& ctx) { ui::draw_counter_console(ctx, model_); },
                                .chromeless = true});
    registry.add_command<CounterAction>(*this);
    registry.add_command<TransferTo>(*this);
    registry.add_command<PinKey>(*this);
    registry.add_command<RatingPick>(*this);
    registry.add_command<RatingToggle>(*this);
    registry.add_command<RatingSend>(*this);
    registry.add_command<RatingSkip>(*this);
}

std::vector<std::string> CounterFeature::my_services() const {
    std::vector<std::string> out;
    for (const auto& s : services_)
        if (std::find(s.counters.begin(), s.counters.end(), model_.counter) != s.counters.end())
            out.push_back(s.code);
    return out;
}

void CounterFeature::start() {
    model_.counter = config_->counter.number;
    model_.clock = queue::local_clock_text(now_ms(clock_));
    if (auto services = queue::queue_services(*config_)) services_ = std::move(services).value();
    model_.services.clear();
    model_.transfer_targets.clear();
    const auto mine = my_services();
    for (const auto& s : services_) {
        ui::CounterServiceView v{s.code, s.name_vi, s.name_en, {}};
        if (std::find(mine.begin(), mine.end(), s.code) != mine.end()) model_.services.push_back(v);
        model_.transfer_targets.push_back(v);
    }
    if (model_.counter <= 0) return; // the screen says counter.number is missing
    pin_file_ = setup::counter_secrets_path(
        setup::setup_paths(parts_->plan().paths.state, config_->setup.secrets_file).dir, model_.counter);
    lock_console();
    load_pin_status();
    open();
}

void CounterFeature::lock_console() {
    close_rating();
    model_.unlocked = false;
    model_.picking_transfer = false;
    pin_entry_.clear();
    model_.pin_digits = 0;
    model_.pin_message_key.clear();
}

// Whether this counter has a PIN and whether the pad is still locked (a restart does not unlock it).
void CounterFeature::load_pin_status() {
    const auto file = pin_file_;
    worker_.submit([this, file]() -> tasks::CompletionQueue::Completion {
        auto status = setup::counter_pin_status(file, clock_);
        return [this, status, file] {
            if (file != pin_file_) return;
            if (!status) {
                log_.error("counter.pin_unreadable", "counter PIN: " + status.error().message,
                           {{"KIOSK_COUNTER", std::to_string(model_.counter)},
                            {"KIOSK_ERROR_KIND", status.error().kind}});
                model_.pin_message_key = "counter.pin_error";
                return;
            }
            model_.pin_missing = status->outcome == setup::CounterPinOutcome::no_pin;
            if (status->locked_seconds > 0)
                pin_locked_until_ = clock_.now() + std::chrono::seconds(status->locked_seconds);
            model_.pin_locked_seconds = status->locked_seconds;
        };
    });
}

void CounterFeature::pin_key(char key) {
    if (model_.unlocked || model_.pin_checking || model_.pin_locked_seconds > 0) return;
    if (setup::apply_pin_key(pin_entry_, key)) return submit_pin();
    model_.pin_digits = static_cast<int>(pin_entry_.size());
    model_.pin_message_key.clear();
}

// Argon2id takes tens to hundreds of milliseconds: checked on the worker; the result (and the lock-out
// state, already saved) comes back through the completion queue.
void CounterFeature::submit_pin() {
    if (pin_entry_.empty()) return;
    std::string pin = std::move(pin_entry_);
    pin_entry_.clear();
    model_.pin_digits = 0;
    model_.pin_checking = true;
    const auto file = pin_file_;
    worker_.submit([this, file, pin]() -> tasks::CompletionQueue::Completion {
        auto check = setup::check_counter_pin(file, pin, clock_);
        return [this, check, file] {
            if (file != pin_file_) return;
            model_.pin_checking = false;
            if (!check) {
                log_.error("counter.pin_unreadable", "counter PIN: " + check.error().message,
                           {{"KIOSK_COUNTER", std::to_string(model_.counter)},
                            {"KIOSK_ERROR_KIND", check.error().kind}});
                model_.pin_message_key = "counter.pin_error";
                return;
            }
            using Outcome = setup::CounterPinOutcome;
            model_.pin_missing = check->outcome == Outcome::no_pin;
            model_.pin_locked_seconds = check->locked_seconds;
            if (check->locked_seconds > 0)
                pin_locked_until_ = clock_.now() + std::chrono::seconds(check->locked_seconds);
            if (check->outcome == Outcome::accepted) {
                model_.unlocked = true;
                model_.pin_message_key.clear();
                log_.log(log::Level::notice, "counter.unlocked", "counter opened with the counter PIN",
                         {{"KIOSK_COUNTER", std::to_string(model_.counter)}});
            } else if (check->outcome == Outcome::wrong) {
                model_.pin_message_key = "counter.pin_wrong";
                log_.warning("counter.pin_wrong", "wrong counter PIN",
                             {{"KIOSK_COUNTER", std::to_string(model_.counter)},
                              {"KIOSK_PIN_FAILURES", std::to_string(check->failures)}});
            }
        };
    });
}

void CounterFeature::open() {
    auto parts = parts_;
    auto config = config_;
    const auto generation = ++generation_;
    live_->store(generation);
    worker_.submit([this, parts, config, generation]() -> tasks::CompletionQueue::Completion {
        auto desk = runtime::open_counter_desk(parts->plan(), *config);
        auto watcher = desk ? runtime::open_queue_watcher(parts->plan())
                            : Result<std::unique_ptr<queue::QueueWatcher>>(desk.error());
        if (!desk || !watcher) {
            const Error e = desk ? watcher.error() : desk.error();
            log_.error("counter.queue_unavailable", "cannot open the queue: " + e.message,
                       {{"KIOSK_ERROR_KIND", e.kind}});
            return [this, e, generation] {
                if (generation != generation_) return;
                store_error_ = e.message;
                retry_open_at_ = clock_.now() + std::chrono::seconds{5};
                model_.error_key = error_key(e);
            };
        }
        auto opened = std::make_shared<Opened>();
        opened->desk = std::move(desk).value();
        opened->watcher = std::move(watcher).value();
        return [this, opened, generation] {
            if (generation != generation_) return;
            opened_ = opened;
            run(nullptr); // first board
            watch();
        };
    });
}

// The watcher's own thread: sleeps until the queue changes, then asks for a fresh board.
void CounterFeature::watch() {
    auto opened = opened_;
    auto live = live_;
    const auto generation = generation_;
    watcher_.submit([this, opened, live, generation]() -> tasks::CompletionQueue::Completion {
        for (;;) {
            if (live->load() != generation) return [] {};
            auto woke = opened->watcher->wait(kWatchSlice);
            if (!woke || *woke)
                return [this, generation] {
                    if (generation != generation_) return;
                    run(nullptr);
                    watch();
                };
        }
    });
}

// One operation (null: none) and then the board, on the worker; the UI thread gets both at once.
void CounterFeature::run(Operation op, std::function<void()> then) {
    if (!opened_) return;
    auto opened = opened_;
    const auto generation = generation_;
    const bool user_action = static_cast<bool>(op);
    if (user_action) model_.working = true;
    worker_.submit([this, opened, generation, op, user_action,
                    then = std::move(then)]() -> tasks::CompletionQueue::Completion {
        std::lock_guard lock(opened->mutex);
        const auto now = now_ms(clock_);
        Status done = Ok{};
        if (op) done = op(*opened->desk, now);
        auto board = opened->desk->board(now, 8);
        return [this, generation, done, board = std::move(board), user_action, then] {
            if (generation != generation_) return;
            if (user_action) model_.working = false;
            if (!done) {
                model_.error_key = error_key(done.error());
                log_.error("counter.action_failed", "counter action failed: " + done.error().message,
                           {{"KIOSK_COUNTER", std::to_string(model_.counter)},
                            {"KIOSK_ERROR_KIND", done.error().kind}});
            } else if (user_action) {
                model_.error_key.clear();
                if (then) then();
            }
            if (!board) {
                store_error_ = board.error().message;
                model_.error_key = error_key(board.error());
                return;
            }
            store_error_.clear();
            apply(*board);
        };
    });
}

void CounterFeature::apply(const queue::QueueBoard& board) {
    model_.loaded = true;
    const auto now = now_ms(clock_);
    model_.current.clear();
    model_.paused = false;
    current_id_ = 0;
    for (const auto& d : board.desks) {
        if (d.counter != model_.counter) continue;
        model_.paused = d.paused;
        if (d.current) {
            model_.current = d.current->display;
            current_id_ = d.current->id;
            for (const auto& s : services_)
                if (s.code == d.current->service) {
                    model_.current_service_vi = s.name_vi;
                    model_.current_service_en = s.name_en;
                }
        }
    }
    for (auto& view : model_.services) {
        view.waiting.clear();
        for (const auto& w : board.waiting) {
            if (w.ticket.service != view.code) continue;
            const auto waited =
                std::chrono::duration_cast<std::chrono::minutes>(now - w.ticket.issued_at).count();
            view.waiting.push_back(
                {w.ticket.display, static_cast<int>(std::max<long long>(0, waited)), w.ticket.is_priority()});
        }
    }
    int served = 0;
    long long total_ms = 0;
    for (const auto& t : board.served) {
        if (t.counter != model_.counter || !t.called_at || !t.served_at) continue;
        ++served;
        total_ms +=
            std::chrono::duration_cast<std::chrono::milliseconds>(*t.served_at - *t.called_at).count();
    }
    model_.served_today = served;
    model_.average_service_min = served > 0 ? static_cast<int>((total_ms / served + 30000) / 60000) : -1;
}

void CounterFeature::act(int action) {
    if (!model_.unlocked) return; // staff identify first
    if (static_cast<Action>(action) == Action::lock) return lock_console();
    // The rating prompt never holds up the queue: calling the next ticket closes it.
    if (model_.rating.open) {
        if (static_cast<Action>(action) != Action::call_next) return;
        close_rating();
    }
    if (!opened_ || model_.working) return;
    const int counter = model_.counter;
    const auto id = current_id_;
    switch (static_cast<Action>(action)) {
    case Action::call_next: {
        auto services = my_services();
        run([counter, services](queue::CounterDesk& d, queue::TimePoint now) -> Status {
            auto r = d.call_next(counter, services, now);
            if (!r) return r.error();
            return Ok{};
        });
        break;
    }
    case Action::serve:
        if (id != 0) serve_and_offer_rating();
        break;
    case Action::recall:
    case Action::skip: {
        if (id == 0) return;
        const auto a = static_cast<Action>(action);
        run([counter, id, a](queue::CounterDesk& d, queue::TimePoint now) -> Status {
            auto r = a == Action::recall ? d.recall(counter, id, now) : d.skip(counter, id, now);
            if (!r) return r.error();
            return Ok{};
        });
        break;
    }
    case Action::pause:
    case Action::resume: {
        const bool pause = static_cast<Action>(action) == Action::pause;
        run([counter, pause](queue::CounterDesk& d, queue::TimePoint now) {
            return d.set_paused(counter, pause, now);
        });
        break;
    }
    case Action::open_transfer:
        if (id != 0) model_.picking_transfer = true;
        break;
    case Action::close_transfer:
        model_.picking_transfer = false;
        break;
    case Action::lock: // handled above
        break;
    }
}

void CounterFeature::handle(const ui::FeatureCommand& command) {
    rating_command(command);
    if (const auto* a = command.as<CounterAction>()) act(static_cast<int>(a->action));
    if (const auto* key = command.as<PinKey>()) pin_key(key->key);
    if (const auto* to = command.as<TransferTo>()) {
        model_.picking_transfer = false;
        if (!model_.unlocked || current_id_ == 0 || !opened_ || model_.working) return;
        const int counter = model_.counter;
        const auto id = current_id_;
        const auto service = to->service;
        run([counter, id, service](queue::CounterDesk& d, queue::TimePoint now) -> Status {
            auto r = d.transfer(counter, id, service, now);
            if (!r) return r.error();
            return Ok{};
        });
    }
}

std::vector<ui::KeyPress> CounterFeature::filter_keys(std::vector<ui::KeyPress> keys) {
    std::vector<ui::KeyPress> rest;
    if (!model_.unlocked && model_.counter > 0) { // the PIN pad takes digits, Backspace and Enter
        for (auto& k : keys) {
            if (k.kind == ui::KeyPress::Kind::backspace)
                pin_key('B');
            else if (k.kind == ui::KeyPress::Kind::enter)
                pin_key('E');
            else if (k.kind == ui::KeyPress::Kind::escape)
                pin_key('C');
            else if (k.kind == ui::KeyPress::Kind::text)
                for (char c : k.text)
                    pin_key(c);
        }
        return rest;
    }
    for (auto& k : keys) {
        if (k.kind == ui::KeyPress::Kind::escape) {
            if (model_.rating.open)
                close_rating();
            else
                act(static_cast<int>(Action::close_transfer));
            continue;
        }
        if (k.kind != ui::KeyPress::Kind::text || k.text.size() != 1) {
            rest.push_back(std::move(k));
            continue;
        }
        if (model_.rating.open && (k.text[0] | 0x20) != 'n') continue; // the citizen's turn: only N
        switch (k.text[0] | 0x20) {                                    // shortcuts ignore case
        case 'n':
            act(static_cast<int>(Action::call_next));
            break;
        case 'r':
            act(static_cast<int>(Action::recall));
            break;
        case 's':
            act(static_cast<int>(Action::skip));
            break;
        case 'd':
            act(static_cast<int>(Action::serve));
            break;
        case 't':
            act(static_cast<int>(Action::open_transfer));
            break;
        case 'p':
            act(static_cast<int>(model_.paused ? Action::resume : Action::pause));
            break;
        case 'l':
            act(static_cast<int>(Action::lock));
            break;
        default:
            rest.push_back(std::move(k));
        }
    }
    return rest;
}

Clock::time_point CounterFeature::tick(Clock::time_point now) {
    // A queue that could not be opened is tried again every few seconds (a database still starting).
    if (!opened_ && retry_open_at_ != Clock::time_point{} && now >= retry_open_at_) {
        retry_open_at_ = {};
        open();
    }
    model_.clock = queue::local_clock_text(std::chrono::time_point_cast<std::chrono::milliseconds>(now));
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const auto next_minute = now + std::chrono::seconds(60 - secs % 60);
    auto next = retry_open_at_ != Clock::time_point{} ? std::min(next_minute, retry_open_at_) : next_minute;
    if (model_.rating.open) { // the prompt's own countdown, once a second, then back to the console
        if (now >= rating_closes_at_) {
            close_rating();
        } else {
            const auto left = std::chrono::ceil<std::chrono::seconds>(rating_closes_at_ - now).count();
            model_.rating.seconds_left = static_cast<int>(left);
            next = std::min({next, rating_closes_at_, now + std::chrono::seconds(1)});
        }
    }
    if (pin_locked_until_ != Clock::time_point{}) { // the lock-out countdown, once a second
        const auto left = std::chrono::ceil<std::chrono::seconds>(pin_locked_until_ - now).count();
        model_.pin_locked_seconds = std::max<std::int64_t>(0, left);
        if (left <= 0)
            pin_locked_until_ = {};
        else
            next = std::min(next, now + std::chrono::seconds(1));
    }
    return next;
}

queue::RatingRules CounterFeature::rating_rules() const {
    return {parts_->plan().tickets.office, config_->queue.rating_window_minutes};
}

// "Done": serve the current ticket, then (same worker job) decide whether its citizen may rate it now,
// with the rating feature's rules; when so the prompt opens with the fresh board.
void CounterFeature::serve_and_offer_rating() {
    const int counter = model_.counter;
    const auto id = current_id_;
    auto opened = opened_;
    auto parts = parts_;
    const auto rules = rating_rules();
    auto offer = std::make_shared<std::optional<queue::RateableTicket>>();
    run(
        [counter, id, opened, parts, rules, offer, logger = &log_](queue::CounterDesk& d,
                                                                   queue::TimePoint now) -> Status {
            auto served = d.serve(counter, id, now);
            if (!served) return served.error();
            if (!opened->ratings) {
                auto stores = parts->open_rating_stats();
                if (!stores) {
                    logger->warning("counter.rating_store_unavailable",
                                    "no rating offered: " + stores.error().message,
                                    {{"KIOSK_COUNTER", std::to_string(counter)},
                                     {"KIOSK_ERROR_KIND", stores.error().kind}});
                    return Ok{};
                }
                opened->ratings = stores->ratings;
            }
            auto rateable = queue::check_rateable(*served, *opened->ratings, rules, now);
            if (rateable)
                *offer = *rateable;
            else
                logger->info("counter.rating_not_offered", "no rating offered: " + rateable.error().message,
                             {{"KIOSK_COUNTER", std::to_string(counter)},
                              {"KIOSK_ERROR_KIND", rateable.error().kind}});
            return Ok{};
        },
        [this, offer] {
            if (*offer) open_rating(**offer);
        });
}

void CounterFeature::open_rating(const queue::RateableTicket& ticket) {
    rating_ticket_ = ticket;
    model_.picking_transfer = false;
    model_.rating = {};
    model_.rating.open = true;
    model_.rating.ticket = ticket.display;
    for (const auto& s : services_)
        if (s.code == ticket.service) {
            model_.rating.service_vi = s.name_vi;
            model_.rating.service_en = s.name_en;
        }
    rating_closes_at_ = clock_.now() + kRatingPromptIdle;
    model_.rating.seconds_left = static_cast<int>(kRatingPromptIdle.count());
}

void CounterFeature::rating_command(const ui::FeatureCommand& command) {
    auto& r = model_.rating;
    if (!r.open || r.saving || r.thanked) return;
    if (command.as<RatingSkip>()) return close_rating();
    if (command.as<RatingSend>()) return send_rating();
    if (const auto* pick = command.as<RatingPick>()) {
        if (pick->level < 1 || pick->level > 3) return;
        r.level = pick->level;
        if (r.level != static_cast<int>(queue::RatingLevel::not_satisfied)) r.reasons = 0;
    } else if (const auto* toggle = command.as<RatingToggle>()) {
        if (r.level != static_cast<int>(queue::RatingLevel::not_satisfied)) return;
        r.reasons ^= toggle->bit & queue::kAllReasons;
    } else {
        return;
    }
    r.error_key.clear();
    rating_closes_at_ = clock_.now() + kRatingPromptIdle; // the citizen is still choosing
}

void CounterFeature::send_rating() {
    auto& r = model_.rating;
    if (!rating_ticket_ || !opened_ || r.level == 0) return;
    r.saving = true;
    auto opened = opened_;
    const auto ticket = *rating_ticket_;
    const auto level = static_cast<queue::RatingLevel>(r.level);
    const auto reasons = r.reasons;
    const auto now = now_ms(clock_);
    const auto generation = generation_;
    worker_.submit(
        [this, opened, ticket, level, reasons, now, generation]() -> tasks::CompletionQueue::Completion {
            Status st = Ok{};
            {
                std::lock_guard lock(opened->mutex);
                st = opened->ratings ? queue::record_rating(*opened->ratings, ticket, level, reasons, now)
                                     : Status(make_error("rating.error.store", "no rating store"));
            }
            if (!st)
                log_.error("counter.rating_not_recorded", "rating not recorded: " + st.error().message,
                           {{"KIOSK_TICKET", ticket.display}, {"KIOSK_ERROR_KIND", st.error().kind}});
            return [this, st, ticket, generation] {
                if (generation != generation_ || !model_.rating.open || !rating_ticket_ ||
                    rating_ticket_->id != ticket.id)
                    return;
                model_.rating.saving = false;
                if (!st) {
                    const auto& kind = st.error().kind;
                    model_.rating.error_key =
                        kind.rfind("rating.error.", 0) == 0 ? kind : std::string("rating.error.store");
                    rating_closes_at_ = clock_.now() + kRatingPromptIdle;
                    return;
                }
                model_.rating.thanked = true;
                rating_closes_at_ = clock_.now() + kRatingThanksShown;
            };
        });
}

void CounterFeature::close_rating() {
    model_.rating = {};
    rating_ticket_.reset();
    rating_closes_at_ = {};
}

void CounterFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.queue.store = config_->queue.store;
    snapshot.queue.store_ok = store_error_.empty();
    snapshot.queue.store_error = store_error_;
}

void CounterFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    config_ = std::move(config);
    parts_ = std::move(parts);
    if (changed.tickets || config_->counter.number != model_.counter) {
        opened_.reset();
        model_.loaded = false;
        start();
    }
}

} // namespace kiosk::features
