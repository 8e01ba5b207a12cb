#include "kiosk/features/queue/queue_feature.hpp"

#include "drivers/printer/qr_matrix.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/ticket_print_layout.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"
#include "kiosk/features/queue/queue_commands.hpp"
#include "kiosk/features/queue/queue_screens.hpp"
#include "kiosk/runtime/queue_print.hpp"

#include <map>

namespace kiosk::features {
namespace {

using queue_ui::IssueTicket;
using queue_ui::kServicesScreen;
using queue_ui::kTicketScreen;
using queue_ui::PickService;

queue::TimePoint now_ms(const Clock& clock) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(clock.now());
}

} // namespace

// What one issue needs on the worker; written and read only there (the issuer's print callback sees it).
struct QueueIssueSlot {
    queue::Service service;
    i18n::Lang lang = i18n::Lang::vi;
    ConfigPtr config;
    std::shared_ptr<printer::LayoutPrinter> printer;
    std::string printer_error;
    runtime::QueuePrint result;
};

// A store with its issuer (which keeps the double-tap cool-down across issues). The issuer prints through the
// slot of the issue in progress; slot and issuer are used only on the worker thread.
struct QueueFeature::OpenedStore {
    std::shared_ptr<queue::TicketStore> store;
    QueueIssueSlot slot;
    std::unique_ptr<queue::TicketIssuer> issuer;
};

QueueFeature::QueueFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), translator_(c.translator),
      shell_(c.shell), worker_(c.completions, 1) {}

QueueFeature::~QueueFeature() = default;

void QueueFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {kServicesScreen, "queue.services_title",
                                [this](ui::UiContext& ctx) { ui::draw_queue_services(ctx, model_); }});
    registry.add_screen(*this, {kTicketScreen, "queue.ticket_title",
                                [this](ui::UiContext& ctx) { ui::draw_queue_ticket(ctx, model_); }});
    registry.add_home_entry({"home-queue", "home.queue", "home.queue_hint", kServicesScreen, 30, true});
    registry.add_command<PickService>(*this);
    registry.add_command<IssueTicket>(*this);
}

bool QueueFeature::load_services() {
    model_.services.clear();
    services_.clear();
    auto services = queue::queue_services(*config_);
    if (!services) {
        log_.error("queue.services_invalid", "queue services: " + services.error().message,
                   {{"KIOSK_ERROR_KIND", services.error().kind}});
        model_.store_error_key = "queue.error.bad_service";
        return false;
    }
    // A disabled service keeps its settings in the file but is not offered (nor issued) to citizens.
    // queue_services keeps the configured order, one entry per [[services]] table.
    for (size_t i = 0; i < services->size(); ++i)
        if (config_->services[i].enabled) services_.push_back(std::move((*services)[i]));
    for (const auto& s : services_)
        model_.services.push_back({s.code, s.name_vi, s.name_en, s.counters, true, s.priority_allowed, -1});
    return true;
}

void QueueFeature::start() {
    if (!load_services()) return;
    if (auto printer = parts_->printer()) {
        printer_ = printer.value();
    } else {
        printer_error_ = printer.error().message;
        log_.error("printer.unavailable", "printer: " + printer_error_,
                   {{"KIOSK_ERROR_KIND", printer.error().kind}});
    }
    open_store();
}

void QueueFeature::open_store() {
    auto parts = parts_;
    std::uint64_t generation = ++store_generation_;
    worker_.submit([this, parts, generation]() -> tasks::CompletionQueue::Completion {
        auto opened = parts->open_ticket_store();
        if (!opened) {
            std::string message = opened.error().message;
            std::string kind = opened.error().kind;
            log_.error("queue.store_unavailable", "cannot open the ticket store: " + message,
                       {{"KIOSK_ERROR_KIND", kind}});
            return [this, message, kind, generation] {
                if (generation != store_generation_) return;
                queue_health_.store_ok = false;
                queue_health_.store_error = message;
                model_.store_error_key =
                    kind.rfind("queue.error.", 0) == 0 ? kind : "queue.error.store_unreachable";
            };
        }
        auto store = std::make_shared<OpenedStore>();
        store->store = opened.value();
        OpenedStore* raw = store.get();
        store->issuer = std::make_unique<queue::TicketIssuer>(
            *store->store, [raw, &translator = translator_](const queue::Ticket& t) -> queue::PrintOutcome {
                QueueIssueSlot& slot = raw->slot;
                if (!slot.printer) {
                    slot.result.printer = {printer::Fault::printer_missing, slot.printer_error, {}};
                    return {false, "printer_missing: " + slot.printer_error};
                }
                slot.result = runtime::print_queue_ticket(*slot.printer, *raw->store, t, slot.service,
                                                          *slot.config, translator, slot.lang);
                return slot.result.issuer;
            });
        return [this, store, generation] {
            if (generation != store_generation_) return; // a newer configuration opened another store
            store_ = store;
            queue_health_.store_ok = true;
            queue_health_.store_error.clear();
            model_.store_error_key.clear();
            refresh_waiting();
        };
    });
}

void QueueFeature::enter(std::string_view screen, bool returning) {
    if (screen != kServicesScreen || returning) return;
    for (auto& view : model_.services) {
        const auto* service = queue::find_service(services_, view.code);
        view.open = service && queue::is_open(*service, now_ms(clock_));
    }
    refresh_waiting();
}

void QueueFeature::leave(std::string_view screen) {
    // Leaving the ticket forgets it; leaving the list drops a half-made choice.
    if (screen == kTicketScreen) model_.forget();
    if (screen == kServicesScreen) model_.chosen_service.clear();
}

bool QueueFeature::back(std::string_view screen) {
    // Back from the priority question returns to the service list.
    if (screen == kServicesScreen && !model_.chosen_service.empty()) {
        model_.chosen_service.clear();
        return true;
    }
    return false;
}

void QueueFeature::refresh_waiting() {
    if (!store_) return;
    auto store = store_->store;
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
            for (auto& view : model_.services) {
                auto it = waiting.find(view.code);
                view.waiting = it == waiting.end() ? 0 : it->second;
            }
        };
    });
}

void QueueFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.queue = queue_health_;
    snapshot.queue.store = config_->queue.store;
    snapshot.printer = printer_health_;
}

Clock::time_point QueueFeature::tick(Clock::time_point now) {
    if (now >= next_printer_check_) {
        next_printer_check_ = now + std::chrono::minutes(1);
        check_printer();
    }
    return next_printer_check_;
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

void QueueFeature::handle(const ui::FeatureCommand& command) {
    if (const auto* pick = command.as<PickService>()) {
        model_.error_key.clear();
        const auto* service = queue::find_service(services_, pick->service_code);
        if (pick->service_code.empty() || !service)
            model_.chosen_service.clear();
        else if (service->priority_allowed)
            model_.chosen_service = pick->service_code;
        else
            issue(pick->service_code, "");
    } else if (const auto* request = command.as<IssueTicket>()) {
        issue(request->service_code, request->priority);
    }
}

void QueueFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    bool services_changed = config->services != config_->services;
    config_ = std::move(config);
    parts_ = std::move(parts);
    if (services_changed && !model_.issuing) {
        (void)load_services();
        model_.chosen_service.clear();
    }
    if (changed.printer) {
        printer_.reset();
        printer_error_.clear();
        if (auto printer = parts_->printer())
            printer_ = printer.value();
        else
            printer_error_ = printer.error().message;
        next_printer_check_ = {};
    }
    if (changed.tickets) {
        store_.reset();
        open_store();
    }
}

void QueueFeature::issue(const std::string& service_code, const std::string& priority_text) {
    auto& q = model_;
    if (q.issuing) return; // a double tap: the first tap's ticket is on its way
    if (!store_) {
        q.error_key = q.store_error_key.empty() ? "queue.error.store_busy" : q.store_error_key;
        return;
    }
    const auto* found = queue::find_service(services_, service_code);
    if (!found) return;
    queue::PriorityKind priority = queue::PriorityKind::none;
    if (!priority_text.empty() && !queue::parse_priority(priority_text, priority)) return;
    q.issuing = true;
    q.error_key.clear();
    // Everything the job needs is copied or shared here: it keeps this snapshot even if a new one arrives.
    QueueIssueSlot request{*found, shell_.lang(), config_, printer_, printer_error_, {}};
    auto opened = store_;
    auto now = now_ms(clock_);
    worker_.submit([this, opened, request, priority, now]() -> tasks::CompletionQueue::Completion {
        opened->slot = request;
        const QueueIssueSlot* slot = &opened->slot;
        auto outcome = opened->issuer->issue(slot->service, priority, now);
        if (!outcome) {
            log_.error("queue.issue_failed", "ticket not issued: " + outcome.error().message,
                       {{"KIOSK_ERROR_KIND", outcome.error().kind}, {"KIOSK_SERVICE", slot->service.code}});
            std::string kind = outcome.error().kind;
            std::string key = kind.rfind("queue.", 0) == 0 ? kind : "queue.error.store_failed";
            return [this, key] {
                model_.issuing = false;
                model_.error_key = key;
            };
        }
        const auto& t = outcome->ticket;
        auto position = queue::queue_position(*opened->store, t, slot->service,
                                              {slot->config->queue.min_served_for_estimate}, t.issued_at);
        ui::TicketView view;
        view.display = t.display;
        view.service_vi = slot->service.name_vi;
        view.service_en = slot->service.name_en;
        if (t.is_priority()) view.priority_key = queue::priority_key(t.priority);
        view.issued_time = queue::vietnam_time_text(t.issued_at);
        view.counters = slot->service.counters;
        view.ahead = position ? position->ahead : slot->result.ahead;
        view.wait_minutes = position && position->wait ? static_cast<int>(position->wait->count()) : -1;
        view.printed = outcome->printed;
        view.print_fault_key = outcome->printed ? "" : printer::fault_citizen_key(slot->result.printer.fault);
        view.ticket_id = std::to_string(t.id);
        if (auto qr = printer::encode_qr(queue::ticket_qr_payload(t))) {
            view.qr.size = qr->size;
            view.qr.modules = qr->modules;
        }
        if (!outcome->printed)
            log_.error(
                "queue.print_failed", "ticket recorded as print_failed: " + outcome->print_error,
                {{"KIOSK_TICKET", t.display},
                 {"KIOSK_TICKET_ID", std::to_string(t.id)},
                 {"KIOSK_PRINTER_FAULT", std::string(printer::fault_code(slot->result.printer.fault))}});
        std::string fault =
            outcome->printed ? "" : std::string(printer::fault_code(slot->result.printer.fault));
        return [this, view, fault] {
            model_.issuing = false;
            model_.chosen_service.clear();
            model_.ticket = view;
            ++queue_health_.issued_today;
            if (!fault.empty()) ++printer_health_.print_failures_today;
            printer_health_.last_print_fault = fault;
            printer_health_.fault = fault;
            if (shell_.screen() == kServicesScreen) shell_.request(ui::Navigate{kTicketScreen});
        };
    });
}

} // namespace kiosk::features
