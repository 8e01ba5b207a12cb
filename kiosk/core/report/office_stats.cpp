#include "kiosk/core/report/office_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace kiosk::report {
namespace {

struct Accumulator {
    StatsRow row;
    std::vector<std::int64_t> waits, services;

    void add(const TicketFact& f) {
        ++row.issued;
        if (f.state == queue::TicketState::served) ++row.served;
        if (f.state == queue::TicketState::voided) ++row.voided;
        if (f.state == queue::TicketState::skipped) ++row.no_shows;
        if (f.print_failed) ++row.print_failures;
        if (f.wait_ms) waits.push_back(*f.wait_ms);
        if (f.service_ms) services.push_back(*f.service_ms);
        if (f.rating >= 1 && f.rating <= 3) ++row.ratings[static_cast<std::size_t>(f.rating - 1)];
    }
    StatsRow finish() {
        row.wait = {percentile(waits, 0.5), percentile(waits, 0.9)};
        row.service_time = {percentile(services, 0.5), percentile(services, 0.9)};
        return row;
    }
};

std::string two_digits(int h) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", h);
    return buf;
}

std::string seconds(const std::optional<double>& s) {
    if (!s) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *s);
    return buf;
}

} // namespace

std::optional<double> percentile(std::vector<std::int64_t>& values, double q) {
    if (values.empty()) return std::nullopt;
    // Two order statistics in linear time (a year's waits: no full sort needed).
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const std::int64_t low = values[lo];
    const std::int64_t high =
        lo + 1 < values.size()
            ? *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end())
            : low;
    const double frac = pos - static_cast<double>(lo);
    return (static_cast<double>(low) * (1 - frac) + static_cast<double>(high) * frac) / 1000.0;
}

OfficeReport summarize(const std::vector<TicketFact>& facts, const StatsQuery& query) {
    Accumulator total;
    total.row.kind = "total";
    std::map<std::string, Accumulator> services;
    std::map<int, Accumulator> counters, hours;
    // Facts come grouped by day, mostly a few services and counters: remember the last group looked up.
    Accumulator* last_service = nullptr;
    const std::string* last_code = nullptr;
    Accumulator* by_hour[24] = {};
    Accumulator* by_counter[64] = {}; // counter numbers are small; larger ones go through the map
    for (const auto& f : facts) {
        total.add(f);
        if (!last_code || *last_code != f.service) {
            auto it = services.try_emplace(f.service).first;
            last_service = &it->second;
            last_code = &it->first;
        }
        last_service->add(f);
        if (f.counter > 0 && f.counter < 64) {
            if (!by_counter[f.counter]) by_counter[f.counter] = &counters[f.counter];
            by_counter[f.counter]->add(f);
        } else if (f.counter > 0) {
            counters[f.counter].add(f);
        }
        const int h = f.hour >= 0 && f.hour < 24 ? f.hour : 0;
        if (!by_hour[h]) by_hour[h] = &hours[h];
        by_hour[h]->add(f);
    }
    OfficeReport out;
    out.query = query;
    out.rows.push_back(total.finish());
    for (auto& [code, acc] : services) {
        acc.row.kind = "service";
        acc.row.key = code;
        out.rows.push_back(acc.finish());
    }
    for (auto& [counter, acc] : counters) {
        acc.row.kind = "counter";
        acc.row.key = std::to_string(counter);
        out.rows.push_back(acc.finish());
    }
    for (auto& [hour, acc] : hours) {
        acc.row.kind = "hour";
        acc.row.key = two_digits(hour);
        out.rows.push_back(acc.finish());
    }
    return out;
}

Result<OfficeReport> StatsSource::office_report(const StatsQuery& query) {
    auto facts = ticket_facts(query);
    if (!facts) return facts.error();
    return summarize(*facts, query);
}

std::string report_csv(const OfficeReport& report) {
    std::string out =
        "kind,key,issued,served,voided,no_shows,print_failures,wait_p50_s,wait_p90_s,service_p50_s,"
        "service_p90_s,rating_not_satisfied,rating_satisfied,rating_very_satisfied\n";
    for (const auto& r : report.rows) {
        // Keys are service codes, counter numbers and hours: no commas or quotes to escape.
        out += r.kind + "," + r.key + "," + std::to_string(r.issued) + "," + std::to_string(r.served) + "," +
               std::to_string(r.voided) + "," + std::to_string(r.no_shows) + "," +
               std::to_string(r.print_failures) + "," + seconds(r.wait.p50_s) + "," + seconds(r.wait.p90_s) +
               "," + seconds(r.service_time.p50_s) + "," + seconds(r.service_time.p90_s) + "," +
               std::to_string(r.ratings[0]) + "," + std::to_string(r.ratings[1]) + "," +
               std::to_string(r.ratings[2]) + "\n";
    }
    return out;
}

std::vector<const StatsRow*> rows_of(const OfficeReport& report, const std::string& kind) {
    std::vector<const StatsRow*> out;
    for (const auto& r : report.rows)
        if (r.kind == kind) out.push_back(&r);
    return out;
}

} // namespace kiosk::report
