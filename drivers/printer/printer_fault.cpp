// Fault codes, keys and the CUPS state → fault mapping.
#include "drivers/printer/printer_fault.hpp"

#include <array>
#include <utility>

namespace kiosk::printer {

namespace {

constexpr std::array<std::pair<Fault, std::string_view>, 13> codes{{
    {Fault::none, "none"},
    {Fault::out_of_paper, "out_of_paper"},
    {Fault::paper_jam, "paper_jam"},
    {Fault::cover_open, "cover_open"},
    {Fault::offline, "offline"},
    {Fault::stopped, "stopped"},
    {Fault::not_accepting, "not_accepting"},
    {Fault::printer_missing, "printer_missing"},
    {Fault::service_down, "service_down"},
    {Fault::job_stuck, "job_stuck"},
    {Fault::job_failed, "job_failed"},
    {Fault::io_error, "io_error"},
    {Fault::invalid_job, "invalid_job"},
}};

// Reason keyword bases (severity suffix removed) in the order they win.
constexpr std::array<std::pair<std::string_view, Fault>, 9> blocking_reasons{{
    {"media-empty", Fault::out_of_paper},
    {"media-needed", Fault::out_of_paper},
    {"media-jam", Fault::paper_jam},
    {"cover-open", Fault::cover_open},
    {"door-open", Fault::cover_open},
    {"interlock-open", Fault::cover_open},
    {"offline", Fault::offline},
    {"shutdown", Fault::offline},
    {"paused", Fault::stopped},
}};

bool strip_suffix(std::string_view& s, std::string_view suffix) {
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
        s.remove_suffix(suffix.size());
        return true;
    }
    return false;
}

} // namespace

std::string_view fault_code(Fault fault) {
    for (const auto& [f, c] : codes)
        if (f == fault) return c;
    return "unknown";
}

std::optional<Fault> fault_from_code(std::string_view code) {
    for (const auto& [f, c] : codes)
        if (c == code) return f;
    return std::nullopt;
}

std::vector<Fault> all_faults() {
    std::vector<Fault> out;
    for (const auto& [f, c] : codes)
        out.push_back(f);
    return out;
}

std::string fault_staff_key(Fault fault) {
    if (fault == Fault::none) return "printer.ok.staff";
    return "printer.fault." + std::string(fault_code(fault)) + ".staff";
}

std::string fault_citizen_key(Fault fault) {
    if (fault == Fault::none) return "printer.ok.citizen";
    return "printer.fault." + std::string(fault_code(fault)) + ".citizen";
}

Fault classify(const CupsPrinterState& s) {
    for (const auto& [base, fault] : blocking_reasons) {
        for (const auto& reason : s.reasons) {
            std::string_view r = reason;
            if (strip_suffix(r, "-warning")) continue;
            if (!strip_suffix(r, "-error")) strip_suffix(r, "-report");
            if (r == base) return fault;
        }
    }
    if (s.state == 5) return Fault::stopped;
    if (!s.accepting) return Fault::not_accepting;
    return Fault::none;
}

} // namespace kiosk::printer
