#include "kiosk/features/display/display_feature.hpp"

#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/speech/call_phrase.hpp"
#include "kiosk/features/display/display_screens.hpp"
#include "kiosk/runtime/counter_parts.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace kiosk::features {
namespace {

constexpr auto kHighlight = std::chrono::seconds{10};
constexpr auto kWatchSlice = std::chrono::milliseconds{500}; // how soon the worker notices a shutdown

queue::TimePoint now_ms(const Clock& clock) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

} // namespace

struct DisplayFeature::Opened {
    std::unique_ptr<queue::CounterDesk> desk;
    std::unique_ptr<queue::QueueWatcher> watcher;
};

DisplayFeature::DisplayFeature(const FeatureContext& c, std::shared_ptr<audio::Speaker> speaker)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), speaker_(std::move(speaker)),
      worker_(c.completions, 1) {}

DisplayFeature::~DisplayFeature() {
    live_->store(0);
} // the watch job returns within one slice

void DisplayFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {.id = kDisplayScreen,
                                .title_key = "display.title",
                                .draw = [this](ui::UiContext& ctx) { ui::draw_display_board(ctx, model_); },
                                .chromeless = true});
}

void DisplayFeature::start() {
    model_.office_vi = config_->office.name_vi;
    model_.office_en = config_->office.name_en;
    model_.landscape = config_->display.orientation == "landscape";
    model_.clock = queue::local_clock_text(now_ms(clock_));
    if (auto services = queue::queue_services(*config_)) services_ = std::move(services).value();
    if (!speaker_) speaker_ = runtime::make_speaker(parts_->plan(), *config_, 16, &log_);
    open();
}

void DisplayFeature::open() {
    auto parts = parts_;
    auto config = config_;
    const auto generation = ++generation_;
    live_->store(generation);
    worker_.submit([this, parts, config, generation]() -> tasks::CompletionQueue::Completion {
        auto opened = std::make_shared<Opened>();
        auto desk = runtime::open_counter_desk(parts->plan(), *config);
        auto watcher = desk ? runtime::open_queue_watcher(parts->plan())
                            : Result<std::unique_ptr<queue::QueueWatcher>>(desk.error());
        if (!desk || !watcher) {
            const std::string message = desk ? watcher.error().message : desk.error().message;
            log_.error("display.queue_unavailable", "cannot open the queue: " + message);
            return [this, message, generation] {
                if (generation != generation_) return;
                store_error_ = message;
                retry_open_at_ = clock_.now() + std::chrono::seconds{5};
                model_.error_key = "queue.error.store_unreachable";
            };
        }
        opened->desk = std::move(desk).value();
        opened->watcher = std::move(watcher).value();
        return [this, opened, generation] {
            if (generation != generation_) return;
            opened_ = opened;
            watch(true);
        };
    });
}

// One job: wait (in slices) until the queue changed, read the board, hand it over; the completion starts
// the next wait. A read failure is shown and retried after the next change or slice.
void DisplayFeature::watch(bool read_now) {
    auto opened = opened_;
    auto live = live_;
    const auto generation = generation_;
    const auto now_fn = [this] { return now_ms(clock_); };
    worker_.submit(
        [this, opened, live, generation, read_now, now_fn]() -> tasks::CompletionQueue::Completion {
            bool changed = read_now;
            while (!changed) {
                if (live->load() != generation) return [] {}; // shut down or reopened
                auto woke = opened->watcher->wait(kWatchSlice);
                if (!woke) {
                    const std::string message = woke.error().message;
                    return [this, message, generation] {
                        if (generation != generation_) return;
                        store_error_ = message;
                        model_.error_key = "queue.error.store_unreachable";
                        watch(true);
                    };
                }
                changed = *woke;
            }
            auto board = opened->desk->board(now_fn(), 8);
            if (!board) {
                const std::string message = board.error().message;
                return [this, message, generation] {
                    if (generation != generation_) return;
                    store_error_ = message;
                    model_.error_key = "queue.error.store_unreachable";
                    watch(false);
                };
            }
            return [this, b = std::move(board).value(), generation] {
                if (generation != generation_) return;
                apply(b);
                watch(false);
            };
        });
}

void DisplayFeature::apply(const queue::QueueBoard& board) {
    model_.loaded = true;
    model_.error_key.clear();
    store_error_.clear();
    // Counters: every configured one, plus any that has worked today.
    std::set<int> numbers;
    for (const auto& s : services_)
        numbers.insert(s.counters.begin(), s.counters.end());
    std::map<int, const queue::DeskState*> desks;
    for (const auto& d : board.desks) {
        numbers.insert(d.counter);
        desks[d.counter] = &d;
    }
    const auto now = clock_.now();
    // New calls (oldest first) are spoken; the newest is highlighted.
    std::vector<const queue::QueueEvent*> fresh;
    for (const auto& e : board.recent_calls)
        if (last_call_id_ >= 0 && e.id > last_call_id_) fresh.insert(fresh.begin(), &e);
    for (const auto& e : board.recent_calls)
        last_call_id_ = std::max(last_call_id_, e.id);
    if (last_call_id_ < 0) last_call_id_ = 0;
    for (const auto* e : fresh) {
        if (e->display.empty() || !e->counter) continue;
        speaker_->say(speech::call_utterance({e->display, *e->counter}, config_->speech.english));
        model_.announce_ticket = e->display;
        model_.announce_counter = *e->counter;
        highlight_until_ = now + kHighlight;
    }
    model_.counters.clear();
    for (int n : numbers) {
        ui::DisplayCounterView v;
        v.counter = n;
        if (auto it = desks.find(n); it != desks.end()) {
            v.paused = it->second->paused;
            if (it->second->current) v.ticket = it->second->current->display;
        }
        v.highlight = !model_.announce_ticket.empty() && v.counter == model_.announce_counter &&
                      v.ticket == model_.announce_ticket;
        model_.counters.push_back(v);
    }
    model_.last_calls.clear();
    for (const auto& e : board.recent_calls)
        if (!e.display.empty() && e.counter)
            model_.last_calls.push_back({e.display, *e.counter, queue::local_clock_text(e.at)});
    std::map<std::string, int> waiting;
    for (const auto& w : board.waiting)
        ++waiting[w.ticket.service];
    model_.services.clear();
    for (const auto& s : services_)
        model_.services.push_back({s.name_vi, s.name_en, waiting[s.code]});
}

Clock::time_point DisplayFeature::tick(Clock::time_point now) {
    // A queue that could not be opened is tried again every few seconds (a database still starting).
    if (!opened_ && retry_open_at_ != Clock::time_point{} && now >= retry_open_at_) {
        retry_open_at_ = {};
        open();
    }
    model_.clock = queue::local_clock_text(std::chrono::time_point_cast<std::chrono::milliseconds>(now));
    if (!model_.announce_ticket.empty() && now >= highlight_until_) {
        model_.announce_ticket.clear();
        for (auto& c : model_.counters)
            c.highlight = false;
    }
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const auto next_minute = now + std::chrono::seconds(60 - secs % 60);
    auto next = model_.announce_ticket.empty() ? next_minute : std::min(next_minute, highlight_until_);
    return retry_open_at_ != Clock::time_point{} ? std::min(next, retry_open_at_) : next;
}

void DisplayFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.queue.store = config_->queue.store;
    snapshot.queue.store_ok = store_error_.empty();
    snapshot.queue.store_error = store_error_;
}

void DisplayFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    config_ = std::move(config);
    parts_ = std::move(parts);
    model_.office_vi = config_->office.name_vi;
    model_.office_en = config_->office.name_en;
    model_.landscape = config_->display.orientation == "landscape";
    if (auto services = queue::queue_services(*config_)) services_ = std::move(services).value();
    if (changed.tickets) {
        opened_.reset();
        open(); // the old watch job ends at its next slice (its generation is stale)
    }
}

} // namespace kiosk::features
