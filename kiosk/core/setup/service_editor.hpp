#pragma once
// The Services set-up screen's editing model: a draft copy of the office's [[services]] list that staff
// change one field at a time (add, edit, disable, reorder). Text typed on the on-screen keyboard is kept as
// typed; numbers, counters and hours are read from it when the draft is checked. check() names every
// problem by service index and field with a translation key (and an argument), so the screen can say what
// is wrong next to the field; the same list then goes through the real configuration loader, so nothing the
// loader would refuse is written.
// It does no I/O and knows nothing of the UI; the set-up feature saves the checked list (config_save.hpp).

#include "kiosk/core/config/config.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::setup {

// The fields staff edit as text. The rest (enabled, priority_allowed, order) are buttons.
inline constexpr std::string_view kServiceTextFields[] = {"name_vi",   "name_en",  "prefix", "range_start",
                                                          "range_end", "counters", "opens",  "closes"};

struct ServiceProblem {
    std::size_t index = 0; // which service
    std::string field;     // "name_vi", "range_start", ...; empty: the list as a whole
    std::string key;       // translation key, e.g. "setup.svc_error.range_order"
    std::string arg;       // what the message names (a loader message, a typed text)
};

class ServiceEditor {
  public:
    explicit ServiceEditor(std::vector<config::ServiceConfig> services = {});

    [[nodiscard]] std::size_t size() const { return rows_.size(); }
    [[nodiscard]] const config::ServiceConfig& service(std::size_t i) const { return rows_.at(i).service; }
    // True once anything was changed since construction.
    [[nodiscard]] bool changed() const { return changed_; }

    // A new service at the end with a fresh code ("DV1", "DV2", ...), counter 1 and the usual hours; its
    // names and prefix are empty (check() asks for them). Returns its index.
    std::size_t add();
    // Swaps with the neighbour; false at the end of the list.
    bool move_up(std::size_t i);
    // Only a service added in this draft can be removed (a saved one is disabled instead, so its settings
    // and today's numbers stay with it); false otherwise.
    bool remove_new(std::size_t i);
    [[nodiscard]] bool is_new(std::size_t i) const { return rows_.at(i).added; }
    bool move_down(std::size_t i);
    void set_enabled(std::size_t i, bool enabled);
    void set_priority_allowed(std::size_t i, bool allowed);

    // A text field as the keyboard shows it ("1, 2" for counters) and as typed.
    [[nodiscard]] std::string text(std::size_t i, std::string_view field) const;
    void set_text(std::size_t i, std::string_view field, std::string text);

    // Every problem of the draft (typing, required fields, ranges, hours, at least one enabled service);
    // empty when the list is ready to save. Also reads typed numbers into the services.
    [[nodiscard]] std::vector<ServiceProblem> check() const;
    // The services as checked; only meaningful when check() is empty.
    [[nodiscard]] std::vector<config::ServiceConfig> services() const;

  private:
    struct Row {
        config::ServiceConfig service;
        // Typed text of the number/list/hour fields, read by check(); empty optional: not edited.
        std::optional<std::string> range_start, range_end, counters, opens, closes;
        bool added = false; // by add() in this draft
    };
    [[nodiscard]] static std::optional<std::string>* typed(Row& row, std::string_view field);
    [[nodiscard]] static const std::optional<std::string>* typed(const Row& row, std::string_view field);

    std::vector<Row> rows_;
    bool changed_ = false;
};

// "1, 2, 5" ← {1, 2, 5}; and back, accepting any of " ,.;/-" between numbers. Empty optional: not numbers.
[[nodiscard]] std::string counters_text(const std::vector<int>& counters);
[[nodiscard]] std::optional<std::vector<int>> parse_counters(std::string_view text);

// The configuration with `services` in place of its own, validated by the configuration loader (the same
// rules as start-up); loader problems about services come back as ServiceProblems ("setup.svc_error.other").
[[nodiscard]] std::vector<ServiceProblem> loader_problems(const config::Config& base,
                                                          const std::vector<config::ServiceConfig>& services);

} // namespace kiosk::setup
