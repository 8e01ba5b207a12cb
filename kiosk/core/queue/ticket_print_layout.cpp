#include "kiosk/core/queue/ticket_print_layout.hpp"

#include "kiosk/core/queue/ticket_qr.hpp"

#include <chrono>

namespace kiosk::queue {
namespace {

std::string two(unsigned n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string join(const std::vector<int>& counters) {
    std::string out;
    for (int c : counters)
        out += (out.empty() ? "" : ", ") + std::to_string(c);
    return out;
}

} // namespace

std::string ticket_qr_payload(const Ticket& t) {
    return ticket_qr_text(t);
}

std::string vietnam_time_text(TimePoint t) {
    using namespace std::chrono;
    auto local = floor<minutes>(t + hours(7)); // Vietnam: UTC+7 all year
    auto day = floor<days>(local);
    year_month_day ymd{day};
    hh_mm_ss hms{local - day};
    return two(static_cast<unsigned>(hms.hours().count())) + ":" +
           two(static_cast<unsigned>(hms.minutes().count())) + " – " + two(static_cast<unsigned>(ymd.day())) +
           "/" + two(static_cast<unsigned>(ymd.month())) + "/" + std::to_string(static_cast<int>(ymd.year()));
}

ticket::TicketLayout ticket_print_layout(const Ticket& t, const Service& service, int ahead,
                                         const config::Config& config, const i18n::Translator& tr,
                                         i18n::Lang lang) {
    bool en = lang == i18n::Lang::en;
    ticket::TicketLayout layout;
    layout.office_name = en ? config.office.name_en : config.office.name_vi;
    layout.office_subtitle = en ? config.office.subtitle_en : config.office.subtitle_vi;
    layout.service_name = en ? service.name_en : service.name_vi;
    layout.number_text = t.display;
    if (t.is_priority())
        layout.priority_label = std::string(tr.tr("queue.priority_label", lang)) + " – " +
                                std::string(tr.tr(priority_key(t.priority), lang));
    layout.issued_text = tr.format("queue.issued_at", lang, {vietnam_time_text(t.issued_at)});
    layout.people_ahead_text = tr.format("queue.ahead_print", lang, {std::to_string(ahead)});
    layout.counters_text = tr.format("queue.counters_print", lang, {join(service.counters)});
    layout.qr_payload = ticket_qr_payload(t);
    // The check value printed under the QR lets a citizen without a camera type "B001 K7Q2MX" to rate.
    layout.qr_caption = t.check.empty() ? tr.format("queue.ticket_code", lang, {std::to_string(t.id)})
                                        : tr.format("queue.ticket_check", lang, {t.display + " " + t.check});
    layout.footer = en ? config.printer.footer_en : config.printer.footer_vi;
    return layout;
}

} // namespace kiosk::queue
