#include "kiosk/app/queue_feature.hpp"

#include "drivers/printer/qr_matrix.hpp"
#include "kiosk/core/config/last_good.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/ticket_print_layout.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"
#include "kiosk/store/ticket_store_factory.hpp"

#include <cstdio>
#include <map>

namespace kiosk::app {
namespace {

queue::TimePoint now_ms(const Clock& clock) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

} // namespace

QueueFeature::QueueFeature(const config::Config& config, const Clock& clock,
                           const i18n::Translator& translator, tasks::CompletionQueue& completions,
                           ui::AppModel& model, std::shared_ptr<printer::TicketPrinter> printer)
    : config_(config), clock_(clock), translator_(translator), model_(model), printer_(std::move(printer)),
      worker_(completions, 1) {}

QueueFeature::~QueueFeature() = default;

void QueueFeature::start() {
    auto services = queue::queue_services(config_);
    if (!services) {
        std::fprintf(stderr, "queue: %s\n", services.error().message.c_str());
        model_.queue.store_error_key = "queue.error.bad_service";
        return;
    }
    services_ = std::move(services.value());
    for (const auto& s : services_)
        model_.queue.services.push_back(
            {s.code, s.name_vi, s.name_en, s.counters, true, s.priority_allowed, -1});
    auto options = store::queue_store_options(config_);
    worker_.submit([this, options]() -> tasks::CompletionQueue::Completion {
        if (!options) {
            std::string kind = options.error().kind;
            return [this, kind] { model_.queue.store_error_key = kind; };
        }
        auto opened = store::open_ticket_store(*options);
        if (!opened) {
            std::string message = opened.error().message;
            std::fprintf(stderr, "queue: cannot open the ticket store: %s\n", message.c_str());
            return [this, message] {
                queue_health_.store_ok = false;
                queue_health_.store_error = message;
                model_.queue.store_error_key = "queue.error.store_unreachable";
            };
        }
        std::shared_ptr<queue::TicketStore> store(std::move(opened.value()));
        auto issuer = std::make_shared<queue::TicketIssuer>(
            *store, [this, store](const queue::Ticket& t) { return print_ticket(*store, t); });
        return [this, store, issuer] {
            store_ = store;
            issuer_ = issuer;
            queue_health_.store_ok = true;
            model_.queue.store_error_key.clear();
            refresh_waiting();
        };
    });
}

void QueueFeature::on_enter(ui::Screen screen) {
    if (screen == ui::Screen::queue_services) {
        for (auto& view : model_.queue.services) {
            const auto* service = queue::find_service(services_, view.code);
            view.open = service && queue::is_open(*service, now_ms(clock_));
        }
        refresh_waiting();
    }
}

void QueueFeature::refresh_waiting() {
    if (!store_) return;
    auto store = store_;
    auto now = now_ms(clock_);
    worker_.submit([this, store, now]() -> tasks::CompletionQueue::Completion {
        auto tickets = store->list(store->day_of(now));
        if (!tickets) {
            std::string message = tickets.error().message;
            return [this, message] { queue_health_.store_error = message; };
        }
        std::map<std::string, int> waiting;
        for (const auto& t : *tickets)
            if (queue::is_waiting(t.state)) ++waiting[t.service];
        int issued = static_cast<int>(tickets->size());
        return [this, waiting, issued] {
            queue_health_.issued_today = issued;
            for (auto& view : model_.queue.services) {
                auto it = waiting.find(view.code);
                view.waiting = it == waiting.end() ? 0 : it->second;
            }
        };
    });
}

// Runs on the queue worker inside TicketIssuer::issue(), after the number is recorded.
queue::PrintOutcome QueueFeature::print_ticket(queue::TicketStore& store, const queue::Ticket& t) {
    auto position = queue::queue_position(store, t, job_.service, {config_.queue.min_served_for_estimate});
    if (position) job_.ahead = position->ahead;
    if (!printer_) {
        job_.result = {printer::Fault::printer_missing, "the printer could not be opened at start-up", {}};
        return {false, job_.result.detail};
    }
    job_.result = printer_->print(
        queue::ticket_print_layout(t, job_.service, job_.ahead, config_, translator_, job_.lang), t.display);
    if (job_.result.ok()) return {true, {}};
    return {false, std::string(printer::fault_code(job_.result.fault)) + ": " + job_.result.detail};
}

void QueueFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.queue = queue_health_;
    snapshot.queue.store = config_.queue.store;
    snapshot.printer = printer_health_;
}

void QueueFeature::tick() {
    if (clock_.now() < next_printer_check_) return;
    next_printer_check_ = clock_.now() + std::chrono::minutes(1);
    check_printer();
}

// The printer's state for staff (health page, metrics): asked on the queue worker, never on the UI thread.
void QueueFeature::check_printer() {
    if (!printer_) {
        printer_health_.fault = "printer_missing";
        return;
    }
    auto printer = printer_;
    worker_.submit([this, printer]() -> tasks::CompletionQueue::Completion {
        auto status = printer->status();
        std::string describe = printer->describe();
        return [this, status, describe] {
            printer_health_.describe = describe;
            printer_health_.state = status.state;
            printer_health_.reasons = status.reasons;
            printer_health_.fault = status.ready() ? "" : std::string(printer::fault_code(status.fault));
        };
    });
}

bool QueueFeature::handle(const ui::Command& command) {
    if (std::holds_alternative<ui::GoBack>(command)) {
        // Back from the priority question returns to the service list; leaving the ticket forgets it.
        if (model_.screen() == ui::Screen::queue_services && !model_.queue.chosen_service.empty()) {
            model_.queue.chosen_service.clear();
            return true;
        }
        if (model_.screen() == ui::Screen::queue_ticket) model_.queue.forget();
        return false;
    }
    if (const auto* pick = std::get_if<ui::PickService>(&command)) {
        model_.queue.error_key.clear();
        const auto* service = queue::find_service(services_, pick->service_code);
        if (pick->service_code.empty() || !service) {
            model_.queue.chosen_service.clear();
        } else if (service->priority_allowed) {
            model_.queue.chosen_service = pick->service_code;
        } else {
            issue(pick->service_code, "");
        }
        return true;
    }
    if (const auto* request = std::get_if<ui::IssueTicket>(&command)) {
        issue(request->service_code, request->priority);
        return true;
    }
    return false;
}

void QueueFeature::issue(const std::string& service_code, const std::string& priority_text) {
    auto& q = model_.queue;
    if (q.issuing) return; // a double tap: the first tap's ticket is on its way
    if (!store_ || !issuer_) {
        q.error_key = q.store_error_key.empty() ? "queue.error.store_busy" : q.store_error_key;
        return;
    }
    const auto* found = queue::find_service(services_, service_code);
    if (!found) return;
    queue::PriorityKind priority = queue::PriorityKind::none;
    if (!priority_text.empty() && !queue::parse_priority(priority_text, priority)) return;
    q.issuing = true;
    q.error_key.clear();
    auto store = store_;
    auto issuer = issuer_;
    auto service = *found;
    auto now = now_ms(clock_);
    auto lang = model_.lang;
    worker_.submit([this, store, issuer, service, priority, now,
                    lang]() -> tasks::CompletionQueue::Completion {
        job_ = PrintJobContext{service, lang, 0, {}};
        auto outcome = issuer->issue(service, priority, now);
        int ahead_at_print = job_.ahead;
        printer::PrintOutcome print_result = job_.result;
        if (!outcome) {
            std::fprintf(stderr, "queue: issue failed: %s\n", outcome.error().message.c_str());
            std::string kind = outcome.error().kind;
            std::string key = kind.rfind("queue.", 0) == 0 ? kind : "queue.error.store_failed";
            return [this, key] {
                model_.queue.issuing = false;
                model_.queue.error_key = key;
            };
        }
        auto position =
            queue::queue_position(*store, outcome->ticket, service, {config_.queue.min_served_for_estimate});
        ui::TicketView view;
        const auto& t = outcome->ticket;
        view.display = t.display;
        view.service_vi = service.name_vi;
        view.service_en = service.name_en;
        if (t.is_priority()) view.priority_key = queue::priority_key(t.priority);
        view.issued_time = queue::vietnam_time_text(t.issued_at);
        view.counters = service.counters;
        view.ahead = position ? position->ahead : ahead_at_print;
        view.wait_minutes = position && position->wait ? static_cast<int>(position->wait->count()) : -1;
        view.printed = outcome->printed;
        view.print_fault_key = outcome->printed ? "" : printer::fault_citizen_key(print_result.fault);
        view.ticket_id = std::to_string(t.id);
        if (auto qr = printer::encode_qr(queue::ticket_qr_payload(t))) {
            view.qr.size = qr->size;
            view.qr.modules = qr->modules;
        }
        if (!outcome->printed)
            std::fprintf(stderr, "queue: ticket %s (id %lld) recorded as print_failed: %s\n",
                         t.display.c_str(), static_cast<long long>(t.id), outcome->print_error.c_str());
        std::string fault = outcome->printed ? "" : std::string(printer::fault_code(print_result.fault));
        return [this, view, fault] {
            model_.queue.issuing = false;
            model_.queue.chosen_service.clear();
            model_.queue.ticket = view;
            ++queue_health_.issued_today;
            if (!fault.empty()) ++printer_health_.print_failures_today;
            printer_health_.last_print_fault = fault;
            printer_health_.fault = fault;
            if (model_.screen() == ui::Screen::queue_services)
                model_.stack.push_back(ui::Screen::queue_ticket);
        };
    });
}

} // namespace kiosk::app
