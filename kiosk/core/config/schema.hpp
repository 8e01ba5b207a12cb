#pragma once
// The configuration schema: every key, its type, its allowed values and a one-line description, plus how to
// read and write it on a Config. The TOML loader, `--set` overrides, `kioskctl config check/show` and the
// example file's documentation test all walk this one table. It does not parse TOML itself.

#include "kiosk/core/config/config.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::config {

enum class ValueType { boolean, integer, real, string, string_list, integer_list };

using Value =
    std::variant<bool, int64_t, double, std::string, std::vector<std::string>, std::vector<int64_t>>;

template <class Target> struct KeyDef {
    std::string key; // dotted path for Config ("ui.idle_timeout_s"), field name for a service ("prefix")
    ValueType type;
    std::string help;
    std::optional<double> min{}, max{}; // numeric range (inclusive) for numbers and list items
    std::vector<std::string> choices{}; // allowed strings, when the key is an enumeration
    std::string pattern{};              // "HH:MM" for clock times; empty: any text
    std::function<void(Target&, const Value&)> set;
    std::function<Value(const Target&)> get;
};

[[nodiscard]] const std::vector<KeyDef<Config>>& config_schema();
[[nodiscard]] const std::vector<KeyDef<ServiceConfig>>& service_schema();
[[nodiscard]] std::string_view type_name(ValueType type);

// Checks a value against a key's constraints; returns an empty string when it fits, else what is wrong.
template <class Target> [[nodiscard]] std::string check_value(const KeyDef<Target>& def, const Value& value);

// Parses "HH:MM" (00:00–23:59) into minutes since midnight.
[[nodiscard]] std::optional<int> parse_clock(std::string_view text);

} // namespace kiosk::config
