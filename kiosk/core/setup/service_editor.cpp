#include "kiosk/core/setup/service_editor.hpp"

#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/config/schema.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace kiosk::setup {
namespace {

constexpr int kMaxNumber = 99999; // the schema's range for range_start/range_end
constexpr int kMaxCounter = 999;

std::optional<int> parse_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

} // namespace

std::string counters_text(const std::vector<int>& counters) {
    std::string out;
    for (int c : counters)
        out += (out.empty() ? "" : ", ") + std::to_string(c);
    return out;
}

std::optional<std::vector<int>> parse_counters(std::string_view text) {
    std::vector<int> out;
    std::string digits;
    auto flush = [&]() -> bool {
        if (digits.empty()) return true;
        auto n = parse_number(digits);
        digits.clear();
        if (!n) return false;
        out.push_back(*n);
        return true;
    };
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (std::string_view(" ,.;/-").find(c) != std::string_view::npos) {
            if (!flush()) return std::nullopt;
        } else
            return std::nullopt;
    }
    if (!flush() || out.empty()) return std::nullopt;
    return out;
}

ServiceEditor::ServiceEditor(std::vector<config::ServiceConfig> services) {
    for (auto& s : services)
        rows_.push_back(Row{std::move(s), {}, {}, {}, {}, {}, false});
}

std::size_t ServiceEditor::add() {
    std::set<std::string> codes;
    for (const auto& row : rows_)
        codes.insert(row.service.code);
    config::ServiceConfig s;
    int n = 1;
    while (codes.count("DV" + std::to_string(n)))
        ++n;
    s.code = "DV" + std::to_string(n);
    s.counters = {1};
    rows_.push_back(Row{std::move(s), {}, {}, {}, {}, {}, true});
    changed_ = true;
    return rows_.size() - 1;
}

bool ServiceEditor::move_up(std::size_t i) {
    if (i == 0 || i >= rows_.size()) return false;
    std::swap(rows_[i - 1], rows_[i]);
    changed_ = true;
    return true;
}

bool ServiceEditor::remove_new(std::size_t i) {
    if (i >= rows_.size() || !rows_[i].added) return false;
    rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(i));
    changed_ = true;
    return true;
}

bool ServiceEditor::move_down(std::size_t i) {
    if (i + 1 >= rows_.size()) return false;
    std::swap(rows_[i], rows_[i + 1]);
    changed_ = true;
    return true;
}

void ServiceEditor::set_enabled(std::size_t i, bool enabled) {
    auto& s = rows_.at(i).service;
    if (s.enabled == enabled) return;
    s.enabled = enabled;
    changed_ = true;
}

void ServiceEditor::set_priority_allowed(std::size_t i, bool allowed) {
    auto& s = rows_.at(i).service;
    if (s.priority_allowed == allowed) return;
    s.priority_allowed = allowed;
    changed_ = true;
}

std::optional<std::string>* ServiceEditor::typed(Row& row, std::string_view field) {
    if (field == "range_start") return &row.range_start;
    if (field == "range_end") return &row.range_end;
    if (field == "counters") return &row.counters;
    if (field == "opens") return &row.opens;
    if (field == "closes") return &row.closes;
    return nullptr;
}

const std::optional<std::string>* ServiceEditor::typed(const Row& row, std::string_view field) {
    return typed(const_cast<Row&>(row), field);
}

std::string ServiceEditor::text(std::size_t i, std::string_view field) const {
    const auto& row = rows_.at(i);
    if (const auto* t = typed(row, field); t && t->has_value()) return **t;
    const auto& s = row.service;
    if (field == "name_vi") return s.name_vi;
    if (field == "name_en") return s.name_en;
    if (field == "prefix") return s.prefix;
    if (field == "range_start") return std::to_string(s.range_start);
    if (field == "range_end") return std::to_string(s.range_end);
    if (field == "counters") return counters_text(s.counters);
    if (field == "opens") return s.opens;
    if (field == "closes") return s.closes;
    return {};
}

void ServiceEditor::set_text(std::size_t i, std::string_view field, std::string value) {
    auto& row = rows_.at(i);
    if (text(i, field) == value) return;
    changed_ = true;
    // Counters read back in one spelling ("7.8" → "7, 8"); anything else stays as typed until fixed.
    if (field == "counters")
        if (auto parsed = parse_counters(value)) value = counters_text(*parsed);
    if (auto* t = typed(row, field)) {
        *t = std::move(value);
        return;
    }
    if (field == "name_vi") row.service.name_vi = std::move(value);
    if (field == "name_en") row.service.name_en = std::move(value);
    if (field == "prefix") row.service.prefix = std::move(value);
}

std::vector<ServiceProblem> ServiceEditor::check() const {
    std::vector<ServiceProblem> problems;
    auto add = [&](std::size_t i, std::string field, std::string key, std::string arg = {}) {
        problems.push_back({i, std::move(field), "setup.svc_error." + key, std::move(arg)});
    };
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& s = rows_[i].service;
        for (auto [field, value] : {std::pair{"name_vi", &s.name_vi}, std::pair{"name_en", &s.name_en},
                                    std::pair{"prefix", &s.prefix}})
            if (value->empty()) add(i, field, "required");
        std::optional<int> bounds[2];
        const char* range_fields[2] = {"range_start", "range_end"};
        for (int k = 0; k < 2; ++k) {
            auto t = text(i, range_fields[k]);
            bounds[k] = parse_number(t);
            if (!bounds[k])
                add(i, range_fields[k], "number", t);
            else if (*bounds[k] < 0 || *bounds[k] > kMaxNumber) {
                add(i, range_fields[k], "range_bounds", std::to_string(kMaxNumber));
                bounds[k].reset();
            }
        }
        if (bounds[0] && bounds[1] && *bounds[0] > *bounds[1]) add(i, "range_start", "range_order");
        auto counters = parse_counters(text(i, "counters"));
        if (!counters)
            add(i, "counters", "counters", text(i, "counters"));
        else if (std::any_of(counters->begin(), counters->end(),
                             [](int c) { return c < 1 || c > kMaxCounter; }))
            add(i, "counters", "counter_bounds", std::to_string(kMaxCounter));
        auto opens = config::parse_clock(text(i, "opens"));
        auto closes = config::parse_clock(text(i, "closes"));
        if (!opens) add(i, "opens", "clock", text(i, "opens"));
        if (!closes) add(i, "closes", "clock", text(i, "closes"));
        if (opens && closes && *opens >= *closes) add(i, "opens", "hours_order");
    }
    if (rows_.empty())
        add(0, "", "none");
    else if (std::none_of(rows_.begin(), rows_.end(), [](const Row& r) { return r.service.enabled; }))
        add(0, "", "none_enabled");
    return problems;
}

std::vector<config::ServiceConfig> ServiceEditor::services() const {
    std::vector<config::ServiceConfig> out;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        auto s = rows_[i].service;
        if (auto n = parse_number(text(i, "range_start"))) s.range_start = *n;
        if (auto n = parse_number(text(i, "range_end"))) s.range_end = *n;
        if (auto c = parse_counters(text(i, "counters"))) s.counters = *c;
        s.opens = text(i, "opens");
        s.closes = text(i, "closes");
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ServiceProblem> loader_problems(const config::Config& base,
                                            const std::vector<config::ServiceConfig>& services) {
    config::Config next = base;
    next.services = services;
    auto loaded = config::load_config_text(config::to_toml(next), "set-up");
    std::vector<ServiceProblem> out;
    for (const auto& p : loaded.problems) {
        ServiceProblem problem{0, "", "setup.svc_error.other", p.key + ": " + p.message};
        // "services[2].prefix" → service 2, field "prefix".
        if (p.key.rfind("services[", 0) == 0) {
            auto close = p.key.find(']');
            if (close != std::string::npos) {
                problem.index = std::stoul(p.key.substr(9, close - 9));
                if (close + 2 <= p.key.size()) problem.field = p.key.substr(close + 2);
                problem.arg = p.message;
            }
        }
        out.push_back(std::move(problem));
    }
    return out;
}

} // namespace kiosk::setup
