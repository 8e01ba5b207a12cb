#include "traffic_gen.hpp"

#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/rating.hpp"
#include "kiosk/core/queue/ticket.hpp"
#include "kiosk/core/queue/ticket_qr.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

namespace kiosk::testing {
namespace {

using namespace std::chrono;

constexpr long long kMinute = 60'000;

// Deterministic draws built on the raw engine (the standard distributions may differ between libraries).
struct Rng {
    std::mt19937_64 engine;
    double uniform() { return static_cast<double>(engine() >> 11) * (1.0 / 9007199254740992.0); }
    double normal() {
        double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * 3.141592653589793 * u2);
    }
    bool chance(double p) { return uniform() < p; }
    template <class T> std::size_t pick(const std::vector<T>& weights) {
        double total = 0;
        for (auto w : weights)
            total += w;
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }
};

// Arrivals per half hour from 07:30 to 17:00 (the lunch break 11:30–13:30 has none).
const std::vector<double> kHalfHours = {
    // 07:30 08:00 08:30 09:00 09:30 10:00 10:30 11:00
    3, 8, 10, 9, 8, 7, 5, 3,
    // 11:30 … 13:00 closed
    0, 0, 0, 0,
    // 13:30 14:00 14:30 15:00 15:30 16:00 16:30
    6, 8, 7, 6, 5, 4, 2};
constexpr int kFirstHalfHour = 15; // 07:30 = half hour 15 of the day

long long local_ms(const sys_days& day, long long minute_of_day) {
    // Vietnam time (UTC+7) → unix ms.
    return duration_cast<milliseconds>(day.time_since_epoch()).count() + (minute_of_day - 7 * 60) * kMinute;
}

} // namespace

std::vector<GeneratedTicket> generate_traffic(const std::vector<queue::Service>& services,
                                              const TrafficOptions& o) {
    Rng rng{std::mt19937_64(o.seed)};
    auto parse = [](const std::string& s) {
        int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
        return sys_days{year{y} / month{unsigned(m)} / day{unsigned(d)}};
    };
    // Median service minutes by position (the default services: HT, CT, DD, XH, …); a service draws citizens
    // in proportion to what its counters can serve, so every counter is about equally busy.
    const std::vector<double> median_min = {6, 3, 10, 7, 5};
    std::map<int, int> sharing; // counter → how many services it serves
    for (const auto& s : services)
        for (int c : s.counters)
            ++sharing[c];
    std::vector<double> w(services.size());
    for (std::size_t i = 0; i < services.size(); ++i) {
        for (int c : services[i].counters)
            w[i] += 1.0 / sharing[c];
        w[i] /= median_min[std::min(i, median_min.size() - 1)];
    }
    std::vector<GeneratedTicket> out;
    for (sys_days day = parse(o.from); day <= parse(o.to); day += days{1}) {
        const weekday wd{day};
        if (wd == Saturday || wd == Sunday) continue;
        const std::string iso =
            queue::office_day(
                queue::TimePoint{duration_cast<milliseconds>(day.time_since_epoch() + hours(5))})
                .iso;
        // Arrival times of the day, sorted.
        std::vector<long long> arrivals;
        const int n = static_cast<int>(o.tickets_per_day * (0.8 + 0.4 * rng.uniform()));
        for (int i = 0; i < n; ++i) {
            std::size_t slot = rng.pick(kHalfHours);
            arrivals.push_back(local_ms(day, (kFirstHalfHour + static_cast<long long>(slot)) * 30) +
                               static_cast<long long>(rng.uniform() * 30 * kMinute));
        }
        std::sort(arrivals.begin(), arrivals.end());
        std::map<std::string, int> numbers;
        std::map<int, long long> counter_free; // counter → when it is free again
        const long long closing = local_ms(day, 17 * 60 + 30), lunch_from = local_ms(day, 11 * 60 + 30),
                        lunch_to = local_ms(day, 13 * 60 + 30);
        for (long long at : arrivals) {
            const std::size_t si = rng.pick(w);
            const auto& s = services[si];
            GeneratedTicket t;
            t.service = s.code;
            t.day = iso;
            t.number = s.range_start + numbers[s.code]++;
            t.display = queue::display_text(s.prefix, t.number);
            t.check = queue::random_check_value();
            t.issued_at = at;
            if (rng.chance(0.015)) {
                t.note = "paper_out";
            } else {
                t.printed_at = at + 3000;
            }
            if (rng.chance(0.02)) { // left before being called; staff voided it
                t.state = "voided";
                t.voided_at = at + static_cast<long long>((5 + 40 * rng.uniform()) * kMinute);
                t.note = "khach_bo_ve";
                t.printed_at.reset();
                out.push_back(std::move(t));
                continue;
            }
            // The counter of this service that is free first, and when it calls.
            auto next_call = [&](long long not_before, int& counter) {
                counter = s.counters.front();
                for (int c : s.counters)
                    if (counter_free[c] < counter_free[counter]) counter = c;
                long long call = std::max(not_before, counter_free[counter]);
                if (call >= lunch_from && call < lunch_to) call = lunch_to; // the morning queue waits
                return call;
            };
            int best = 0;
            long long call = next_call(at + 20'000, best);
            // Not present when called: more likely after a long wait (people step out, or give up). Staff
            // wait about a minute and a half, then mark "not present"; some come back within the window,
            // return to the queue and are called again; the rest stay no-shows.
            const double away = 0.025 + std::min(0.08, 0.001 * static_cast<double>(call - at) / kMinute);
            if (call < closing && rng.chance(away)) {
                counter_free[best] = call + 90'000;
                if (!rng.chance(0.3)) {
                    t.state = "skipped";
                    t.called_at = call;
                    t.counter = best;
                    out.push_back(std::move(t));
                    continue;
                }
                call = next_call(call + static_cast<long long>((5 + 15 * rng.uniform()) * kMinute), best);
            }
            const double minutes =
                median_min[std::min(si, median_min.size() - 1)] * std::exp(0.45 * rng.normal());
            const long long done = call + static_cast<long long>(minutes * kMinute);
            if (done > closing) { // not served before closing: voided at the end of the day
                t.state = "voided";
                t.voided_at = closing;
                t.note = "het_gio";
                t.printed_at.reset();
                out.push_back(std::move(t));
                continue;
            }
            counter_free[best] = done + 30'000;
            t.state = "served";
            t.called_at = call;
            t.served_at = done;
            t.counter = best;
            if (rng.chance(0.33)) {
                const bool long_wait = call - at > 30 * kMinute;
                const double r = rng.uniform();
                t.rating = long_wait ? (r < 0.35 ? 1 : r < 0.8 ? 2 : 3) : (r < 0.08 ? 1 : r < 0.45 ? 2 : 3);
                if (t.rating == 1) {
                    t.reasons = long_wait ? unsigned{queue::reason_waiting_time} : 0u;
                    t.reasons |= 1u << static_cast<unsigned>(rng.uniform() * queue::kReasonNames.size());
                }
                t.rated_at = done + static_cast<long long>((1 + 10 * rng.uniform()) * kMinute);
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

} // namespace kiosk::testing
