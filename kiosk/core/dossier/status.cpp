#include "kiosk/core/dossier/status.hpp"

namespace kiosk::dossier {

std::string status_key(DossierStatus status) {
    return "dossier.status." + std::to_string(static_cast<int>(status));
}

Deadline deadline_of(const Dossier& d, Seconds now) {
    if (!d.appointment_at) return {};
    const auto late_by = [&](Seconds end) {
        const auto late = end - *d.appointment_at;
        return static_cast<int>((late.count() + 86399) / 86400);
    };
    switch (d.status) {
    case DossierStatus::accepted:
    case DossierStatus::processing:
        if (now > *d.appointment_at) return {Timeliness::overdue, late_by(now)};
        return {Timeliness::on_time, 0};
    case DossierStatus::done:
    case DossierStatus::returned:
        if (!d.finished_at) return {};
        if (*d.finished_at > *d.appointment_at) return {Timeliness::finished_late, late_by(*d.finished_at)};
        return {Timeliness::finished_on_time, 0};
    default:
        return {};
    }
}

std::string deadline_key(const Deadline& deadline) {
    switch (deadline.state) {
    case Timeliness::on_time:
        return "dossier.deadline.on_time";
    case Timeliness::overdue:
        return "dossier.deadline.overdue";
    case Timeliness::finished_on_time:
        return "dossier.deadline.finished_on_time";
    case Timeliness::finished_late:
        return "dossier.deadline.finished_late";
    case Timeliness::not_applicable:
        break;
    }
    return "";
}

std::string group_thousands(long long amount) {
    const bool negative = amount < 0;
    const auto magnitude = static_cast<unsigned long long>(amount);
    const std::string digits = std::to_string(negative ? 0ULL - magnitude : magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return negative ? "-" + out : out;
}

Message next_step(const Dossier& d, Seconds now) {
    const auto appointment = [&]() { return format_vn_date(*d.appointment_at); };
    switch (d.status) {
    case DossierStatus::registered:
        return {"dossier.next.registered", {}};
    case DossierStatus::accepted:
        if (deadline_of(d, now).state == Timeliness::overdue) return {"dossier.next.overdue", {}};
        if (d.appointment_at) return {"dossier.next.accepted_until", {appointment()}};
        return {"dossier.next.accepted", {}};
    case DossierStatus::not_accepted:
        return {"dossier.next.not_accepted", {}};
    case DossierStatus::processing:
        if (deadline_of(d, now).state == Timeliness::overdue) return {"dossier.next.overdue", {}};
        if (d.appointment_at) return {"dossier.next.processing_until", {appointment()}};
        return {"dossier.next.processing", {}};
    case DossierStatus::need_documents: {
        if (d.missing_documents.empty()) return {"dossier.next.bring_documents_ask", {}};
        std::string list;
        for (const auto& doc : d.missing_documents)
            list += (list.empty() ? "" : "; ") + doc;
        return {"dossier.next.bring_documents", {list}};
    }
    case DossierStatus::need_payment:
        if (d.fee_vnd && *d.fee_vnd > 0) return {"dossier.next.pay_fee", {group_thousands(*d.fee_vnd)}};
        return {"dossier.next.pay_fee_ask", {}};
    case DossierStatus::withdrawn:
        return {"dossier.next.withdrawn", {}};
    case DossierStatus::stopped:
        return {"dossier.next.stopped", {}};
    case DossierStatus::done:
        switch (d.delivery) {
        case Delivery::counter:
            if (!d.counter.empty()) return {"dossier.next.collect_at_counter", {d.counter}};
            return {"dossier.next.collect_at_office", {}};
        case Delivery::post:
            return {"dossier.next.result_by_post", {}};
        case Delivery::online:
            return {"dossier.next.result_online", {}};
        case Delivery::unknown:
            return {"dossier.next.collect_at_office", {}};
        }
        break;
    case DossierStatus::returned:
        return {"dossier.next.returned", {}};
    }
    return {"dossier.next.ask_staff", {}};
}

std::vector<std::string> status_model_keys() {
    std::vector<std::string> keys;
    for (int i = 1; i <= 10; ++i)
        keys.push_back(status_key(static_cast<DossierStatus>(i)));
    for (auto s :
         {Timeliness::on_time, Timeliness::overdue, Timeliness::finished_on_time, Timeliness::finished_late})
        keys.push_back(deadline_key({s, 1}));
    for (const char* k : {"registered", "accepted", "accepted_until", "not_accepted", "processing",
                          "processing_until", "overdue", "bring_documents", "bring_documents_ask", "pay_fee",
                          "pay_fee_ask", "withdrawn", "stopped", "collect_at_counter", "collect_at_office",
                          "result_by_post", "result_online", "returned", "ask_staff"})
        keys.push_back(std::string("dossier.next.") + k);
    return keys;
}

} // namespace kiosk::dossier
