#include "drivers/scanner/hid_wedge_scanner.hpp"

#include "kiosk/core/text/utf8.hpp"

#include <algorithm>

namespace kiosk::scanner {

namespace {
bool is_enter(char32_t c) {
    return c == U'\r' || c == U'\n';
}
} // namespace

void HidWedgeScanner::release_held(std::vector<WedgeEvent>& out) {
    for (const auto& k : held_)
        out.push_back(WedgeEvent{WedgeEvent::Kind::key, k, {}});
    held_.clear();
}

std::vector<WedgeEvent> HidWedgeScanner::feed(KeyEvent key) {
    std::vector<WedgeEvent> out;
    if (!held_.empty() && key.time_ms - held_.back().time_ms > options_.max_gap_ms) release_held(out);

    if (!is_enter(key.ch)) {
        held_.push_back(key);
        if (held_.size() > options_.max_length) release_held(out); // nothing scans that long: a stuck key
        return out;
    }

    // Enter: a scan if the held burst is long and fast enough. A person's key typed just before the burst
    // may sit at its front with a visibly longer gap: peel such keys off and hand them back.
    auto avg_gap = [&](std::size_t from) {
        const std::size_t keys = held_.size() - from;
        return keys == 0 ? 1e9
                         : static_cast<double>(key.time_ms - held_[from].time_ms) / static_cast<double>(keys);
    };
    std::size_t first = 0;
    while (held_.size() - first > options_.min_length) {
        const double lead_gap = static_cast<double>(held_[first + 1].time_ms - held_[first].time_ms);
        if (lead_gap <= 2.0 * avg_gap(first + 1) + 10.0) break;
        ++first;
    }
    if (held_.size() - first >= options_.min_length && avg_gap(first) <= options_.max_avg_gap_ms) {
        for (std::size_t i = 0; i < first; ++i)
            out.push_back(WedgeEvent{WedgeEvent::Kind::key, held_[i], {}});
        WedgeEvent scan{WedgeEvent::Kind::scan, key, {}};
        for (std::size_t i = first; i < held_.size(); ++i)
            text::append_utf8(scan.text, held_[i].ch);
        out.push_back(std::move(scan));
        held_.clear();
        return out;
    }
    release_held(out);
    out.push_back(WedgeEvent{WedgeEvent::Kind::key, key, {}});
    return out;
}

std::vector<WedgeEvent> HidWedgeScanner::tick(std::int64_t now_ms) {
    std::vector<WedgeEvent> out;
    if (!held_.empty() && now_ms - held_.back().time_ms > options_.max_gap_ms) release_held(out);
    return out;
}

std::optional<std::int64_t> HidWedgeScanner::deadline_ms() const {
    if (held_.empty()) return std::nullopt;
    return held_.back().time_ms + options_.max_gap_ms + 1;
}

} // namespace kiosk::scanner
