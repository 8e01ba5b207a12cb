// The set-up Printer screen of SetupFeature: CUPS queues with their state and reasons, attached devices
// added as a raw queue through the CUPS API, paper width, a test ticket, and today's failed tickets with
// reprint. Every CUPS, store and printer call runs on the feature's worker.
#include "drivers/printer/cups_admin.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/features/setup/setup_feature.hpp"
#include "kiosk/runtime/queue_print.hpp"

#include <ctime>

namespace kiosk::features {
namespace {

namespace cmd = setup_ui;

// The queue set-up creates for an attached thermal printer.
constexpr const char* kKioskQueue = "kiosk-thermal";

printer::CupsSinkOptions cups_server(const runtime::PartsPlan& plan) {
    printer::CupsSinkOptions o;
    o.server = plan.printer.cups_server;
    return o;
}

std::string vn_time(Clock::time_point at, const char* format) {
    std::time_t t = std::chrono::system_clock::to_time_t(at + std::chrono::hours(7));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[48];
    std::strftime(out, sizeof out, format, &tm);
    return out;
}

} // namespace

void SetupFeature::refresh_printers() {
    model_.printer_sink = config_->printer.sink;
    model_.printer_current = config_->printer.sink == "cups" ? config_->printer.cups_destination : "";
    model_.paper_mm = config_->printer.paper_mm;
    model_.printers_loading = true;
    auto server = cups_server(parts_->plan());
    auto parts = parts_;
    auto now = clock_.now();
    worker_.submit([this, server, parts, now]() -> tasks::CompletionQueue::Completion {
        auto queues = printer::list_cups_destinations(server);
        auto devices = printer::list_cups_devices(server, {"usb"}, 3);
        std::vector<ui::SetupModel::FailedTicket> failed;
        if (auto store = parts->open_ticket_store()) {
            auto today = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
            if (auto list = store.value()->list(store.value()->day_of(today)))
                for (const auto& t : *list)
                    if (t.state == queue::TicketState::print_failed)
                        failed.push_back({t.id, t.display, t.service, t.note});
        }
        return [this, queues, devices, failed] {
            model_.printers_loading = false;
            model_.printers.clear();
            model_.devices.clear();
            model_.printers_error = queues ? std::string() : queues.error().message;
            if (queues)
                for (const auto& q : *queues) {
                    std::string reasons;
                    for (const auto& r : q.reasons)
                        if (r != "none") reasons += (reasons.empty() ? "" : ", ") + r;
                    model_.printers.push_back({q.name, q.state, reasons, q.device_uri, q.accepting});
                }
            if (devices)
                for (const auto& d : *devices)
                    model_.devices.push_back({d.uri, d.make_model.empty() ? d.info : d.make_model});
            model_.failed_tickets = failed;
        };
    });
}

void SetupFeature::use_printer(const std::string& destination) {
    save_edits({"printer.sink=cups", "printer.cups_destination=" + destination},
               [this] { print_test_ticket(true); });
}

void SetupFeature::add_printer_device(const std::string& device_uri) {
    if (!session_open_) return;
    model_.working = true;
    auto server = cups_server(parts_->plan());
    worker_.submit([this, server, device_uri]() -> tasks::CompletionQueue::Completion {
        auto added = printer::add_raw_cups_queue(server, kKioskQueue, device_uri, "Kiosk ticket printer");
        std::string error = added ? std::string() : added.error().message;
        return [this, error, device_uri] {
            model_.working = false;
            audit(error.empty() ? "printer_added" : "printer_add_failed", kKioskQueue);
            if (!error.empty()) {
                model_.message_key = "setup.printer_add_failed";
                model_.message_arg = error;
                model_.message_error = true;
                return;
            }
            use_printer(kKioskQueue);
        };
    });
}

void SetupFeature::set_paper(int mm) {
    if (mm != 58 && mm != 80) return;
    save_edits({"printer.paper_mm=" + std::to_string(mm)}, [this] { print_test_ticket(true); });
}

// A test ticket through the printer the running configuration builds. After a change, a failure offers
// the undo at once.
void SetupFeature::print_test_ticket(bool after_change) {
    auto made = parts_->printer();
    if (!made) {
        model_.message_key = "setup.test_print_failed";
        model_.message_arg = made.error().message;
        model_.message_error = true;
        model_.offer_undo = after_change && model_.can_undo;
        return;
    }
    auto printer = made.value();
    ticket::TicketLayout l;
    l.office_name = config_->office.name_vi;
    l.office_subtitle = config_->office.subtitle_vi;
    l.service_name = translator_.tr("printer.sample.service", i18n::Lang::vi);
    l.number_text = "A000";
    l.issued_text = translator_.format("printer.ticket.issued", i18n::Lang::vi,
                                       {vn_time(clock_.now(), "%H:%M – %d/%m/%Y")});
    l.counters_text = translator_.format("printer.ticket.counters", i18n::Lang::vi, {"1"});
    l.qr_payload = "TEST-" + config_->office.kiosk_id + "-" + vn_time(clock_.now(), "%Y%m%d%H%M%S");
    l.qr_caption = translator_.format("printer.ticket.qr_caption", i18n::Lang::vi, {l.qr_payload});
    l.footer = translator_.tr("printer.sample.footer", i18n::Lang::vi);
    model_.printing = true;
    worker_.submit([this, printer, l, after_change]() -> tasks::CompletionQueue::Completion {
        auto out = printer->print(l, "setup-test");
        bool ok = out.ok();
        std::string detail =
            ok ? out.location : std::string(printer::fault_code(out.fault)) + ": " + out.detail;
        return [this, ok, detail, after_change] {
            model_.printing = false;
            audit(ok ? "test_print_ok" : "test_print_failed");
            model_.message_error = !ok;
            model_.message_key = ok ? "setup.test_print_ok" : "setup.test_print_failed";
            model_.message_arg = ok ? std::string() : detail; // where it went is in the log, not on screen
            if (ok) log_.info("setup.test_print_ok", "test ticket printed: " + detail);
            model_.offer_undo = !ok && after_change && model_.can_undo;
            refresh_printers();
        };
    });
}

void SetupFeature::reprint_ticket(std::int64_t id) {
    auto made = parts_->printer();
    if (!made) {
        model_.message_key = "setup.test_print_failed";
        model_.message_arg = made.error().message;
        model_.message_error = true;
        return;
    }
    auto printer = made.value();
    auto parts = parts_;
    auto config = config_;
    auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(clock_.now());
    model_.printing = true;
    worker_.submit([this, printer, parts, config, id, now]() -> tasks::CompletionQueue::Completion {
        std::string error;
        std::string display;
        auto store = parts->open_ticket_store();
        auto services = queue::queue_services(*config);
        if (!store || !services) {
            error = !store ? store.error().message : services.error().message;
        } else if (auto ticket = store.value()->get(id); !ticket) {
            error = ticket.error().message;
        } else if (const auto* service = queue::find_service(*services, ticket->service); !service) {
            error = "no service '" + ticket->service + "' is configured";
        } else {
            display = ticket->display;
            auto printed = runtime::print_queue_ticket(*printer, *store.value(), *ticket, *service, *config,
                                                       translator_, i18n::Lang::vi);
            auto recorded = printed.issuer.ok
                                ? store.value()->mark_printed(id, now)
                                : store.value()->mark_print_failed(id, printed.issuer.reason, now);
            if (!printed.issuer.ok)
                error = printed.issuer.reason;
            else if (!recorded)
                error = recorded.error().message;
        }
        return [this, error, display] {
            model_.printing = false;
            audit(error.empty() ? "reprinted" : "reprint_failed", display);
            model_.message_error = !error.empty();
            model_.message_key = error.empty() ? "setup.reprinted" : "setup.reprint_failed";
            model_.message_arg = error.empty() ? display : error;
            refresh_printers();
        };
    });
}

} // namespace kiosk::features
