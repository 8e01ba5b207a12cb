#include "kiosk/core/config/loader.hpp"

#include "kiosk/core/config/file_marks.hpp"
#include "kiosk/core/config/schema.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace kiosk::config {
namespace {

int line_of(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

// Reads a TOML node as the schema type; returns nullopt (and a message) when the type is wrong.
std::optional<Value> read_node(const toml::node& node, ValueType type, std::string& why) {
    switch (type) {
    case ValueType::boolean:
        if (auto v = node.value_exact<bool>()) return Value{*v};
        break;
    case ValueType::integer:
        if (auto v = node.value_exact<int64_t>()) return Value{*v};
        break;
    case ValueType::real:
        if (auto v = node.value_exact<double>()) return Value{*v};
        if (auto v = node.value_exact<int64_t>()) return Value{static_cast<double>(*v)};
        break;
    case ValueType::string:
        if (auto v = node.value_exact<std::string>()) return Value{*v};
        break;
    case ValueType::string_list:
    case ValueType::integer_list: {
        const auto* array = node.as_array();
        if (!array) break;
        std::vector<std::string> strings;
        std::vector<int64_t> numbers;
        for (size_t i = 0; i < array->size(); ++i) {
            const auto& item = *array->get(i);
            if (type == ValueType::string_list) {
                auto v = item.value_exact<std::string>();
                if (!v) return why = "item " + std::to_string(i) + " must be a string", std::nullopt;
                strings.push_back(*v);
            } else {
                auto v = item.value_exact<int64_t>();
                if (!v) return why = "item " + std::to_string(i) + " must be an integer", std::nullopt;
                numbers.push_back(*v);
            }
        }
        if (type == ValueType::string_list) return Value{strings};
        return Value{numbers};
    }
    }
    why = "must be " + std::string(type_name(type));
    return std::nullopt;
}

template <class Target>
const KeyDef<Target>* find_def(const std::vector<KeyDef<Target>>& schema, std::string_view key) {
    for (const auto& def : schema)
        if (def.key == key) return &def;
    return nullptr;
}

class Validator {
  public:
    Validator(std::string origin, LoadResult& result) : origin_(std::move(origin)), result_(result) {}

    void problem(int line, std::string key, std::string message) {
        result_.problems.push_back({origin_, line, std::move(key), std::move(message)});
    }

    template <class Target>
    void apply(const std::vector<KeyDef<Target>>& schema, const KeyDef<Target>& def, const toml::node& node,
               const std::string& shown_key, Target& target) {
        std::string why;
        auto value = read_node(node, def.type, why);
        if (!value) return problem(line_of(node), shown_key, why);
        if (auto bad = check_value(def, *value); !bad.empty()) return problem(line_of(node), shown_key, bad);
        def.set(target, *value);
        (void)schema;
    }

    void walk_config(const toml::table& root) {
        const auto& schema = config_schema();
        for (const auto& [section_key, section_node] : root) {
            std::string section(section_key.str());
            if (section == "services") {
                walk_services(section_node);
                continue;
            }
            const auto* table = section_node.as_table();
            bool known_section = false;
            for (const auto& def : schema)
                known_section = known_section || def.key.rfind(section + ".", 0) == 0;
            if (!known_section) {
                problem(line_of(section_node), section, "unknown section or key");
                continue;
            }
            if (!table) {
                problem(line_of(section_node), section, "must be a table ([" + section + "])");
                continue;
            }
            for (const auto& [name, node] : *table) {
                std::string full = section + "." + std::string(name.str());
                const auto* def = find_def(schema, full);
                if (!def) {
                    problem(line_of(node), full, "unknown key");
                    continue;
                }
                apply(schema, *def, node, full, result_.config);
            }
        }
    }

    void walk_services(const toml::node& node) {
        const auto* array = node.as_array();
        if (!array) return problem(line_of(node), "services", "must be an array of tables ([[services]])");
        const auto& schema = service_schema();
        std::vector<ServiceConfig> services;
        for (size_t i = 0; i < array->size(); ++i) {
            const auto& item = *array->get(i);
            std::string base = "services[" + std::to_string(i) + "]";
            const auto* table = item.as_table();
            if (!table) {
                problem(line_of(item), base, "must be a table");
                continue;
            }
            ServiceConfig service;
            service.counters.clear();
            std::set<std::string> seen;
            for (const auto& [name, value] : *table) {
                std::string field(name.str());
                const auto* def = find_def(schema, field);
                if (!def) {
                    problem(line_of(value), base + "." + field, "unknown key");
                    continue;
                }
                seen.insert(field);
                apply(schema, *def, value, base + "." + field, service);
            }
            for (const char* required : {"code", "name_vi", "name_en", "prefix", "counters"})
                if (!seen.count(required)) problem(line_of(item), base + "." + required, "is required");
            services_lines_.push_back(line_of(item));
            services.push_back(std::move(service));
        }
        result_.config.services = std::move(services);
    }

    // Rules that involve more than one key.
    void cross_check() {
        const Config& c = result_.config;
        if (c.printer.paper_mm != 58 && c.printer.paper_mm != 80)
            problem(0, "printer.paper_mm", "must be 58 or 80, not " + std::to_string(c.printer.paper_mm));
        if (c.queue.store == "postgres" && c.queue.postgres_dsn.empty())
            problem(0, "queue.postgres_dsn", "is required when queue.store = \"postgres\"");
        if (c.printer.sink == "cups" && c.printer.cups_destination.empty())
            problem(0, "printer.cups_destination", "is required when printer.sink = \"cups\"");
        if (c.dossier.source == "gateway" && c.gateway.url.empty())
            problem(0, "gateway.url", "is required when dossier.source = \"gateway\"");
        if (!c.gateway.url.empty() && c.gateway.url.rfind("https://", 0) != 0 &&
            c.gateway.url.rfind("http://127.", 0) != 0 && c.gateway.url.rfind("http://localhost", 0) != 0 &&
            c.gateway.url.rfind("http://[::1]", 0) != 0)
            problem(0, "gateway.url",
                    "must start with https:// (plain http only for loopback test gateways)");
        if (c.gateway.total_timeout_ms < c.gateway.connect_timeout_ms)
            problem(0, "gateway.total_timeout_ms", "must not be shorter than gateway.connect_timeout_ms");
        if (c.services.empty())
            problem(0, "services", "at least one service is required");
        else if (std::none_of(c.services.begin(), c.services.end(), [](const auto& s) { return s.enabled; }))
            problem(0, "services", "at least one service must be enabled");
        if (!c.ui.setup_pin.empty())
            problem(0, "ui.setup_pin",
                    "a PIN in plain text is not accepted: delete this line and set the PIN with "
                    "`kioskctl setup set-pin` (it reads the PIN from standard input and keeps only a hash)");
        std::set<std::string> codes;
        for (size_t i = 0; i < c.services.size(); ++i) {
            const auto& s = c.services[i];
            int line = i < services_lines_.size() ? services_lines_[i] : 0;
            std::string base = "services[" + std::to_string(i) + "]";
            if (!s.code.empty() && !codes.insert(s.code).second)
                problem(line, base + ".code", "\"" + s.code + "\" is used by another service");
            if (s.range_start > s.range_end)
                problem(line, base + ".range_start", "must not be greater than range_end");
            auto opens = parse_clock(s.opens), closes = parse_clock(s.closes);
            if (opens && closes && *opens >= *closes)
                problem(line, base + ".opens", "must be earlier than closes");
            if (s.counters.empty() && codes.count(s.code))
                problem(line, base + ".counters", "must list at least one counter");
        }
    }

    // `--set key=value`: applied after the file, checked against the same schema.
    void apply_override(std::string_view text) {
        origin_ = "--set";
        auto eq = text.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return problem(0, std::string(text), "expected key=value");
        std::string key(text.substr(0, eq));
        std::string raw(text.substr(eq + 1));
        if (auto service = parse_service_key(key)) {
            auto& [index, field] = *service;
            const auto* def = find_def(service_schema(), field);
            if (!def) return problem(0, key, "unknown key");
            if (index >= result_.config.services.size())
                return problem(0, key, "there is no service number " + std::to_string(index));
            return set_raw(*def, raw, key, result_.config.services[index]);
        }
        const auto* def = find_def(config_schema(), key);
        if (!def) return problem(0, key, "unknown key");
        set_raw(*def, raw, key, result_.config);
    }

  private:
    // "services[2].prefix" or "services.2.prefix" → {2, "prefix"}.
    static std::optional<std::pair<size_t, std::string>> parse_service_key(const std::string& key) {
        if (key.rfind("services", 0) != 0 || key.size() < 11) return std::nullopt;
        size_t pos = 8;
        if (key[pos] != '[' && key[pos] != '.') return std::nullopt;
        size_t digits = key.find_first_not_of("0123456789", pos + 1);
        if (digits == std::string::npos || digits == pos + 1) return std::nullopt;
        size_t index = std::stoul(key.substr(pos + 1, digits - pos - 1));
        if (key[pos] == '[' && key[digits++] != ']') return std::nullopt;
        if (digits >= key.size() || key[digits] != '.') return std::nullopt;
        return std::pair{index, key.substr(digits + 1)};
    }

    template <class Target>
    void set_raw(const KeyDef<Target>& def, std::string raw, const std::string& key, Target& target) {
        std::optional<Value> value;
        std::string why;
        if (def.type == ValueType::string) {
            if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"')
                raw = raw.substr(1, raw.size() - 2);
            value = Value{raw};
        } else {
            const std::string doc = "v = " + raw;
            toml::table parsed;
            try {
                parsed = toml::parse(std::string_view(doc), std::string_view("--set"));
            } catch (const toml::parse_error&) {
                return problem(0, key, "cannot read \"" + raw + "\" as " + std::string(type_name(def.type)));
            }
            value = read_node(*parsed.get("v"), def.type, why);
            if (!value) return problem(0, key, why + " (got \"" + raw + "\")");
        }
        if (auto bad = check_value(def, *value); !bad.empty()) return problem(0, key, bad);
        def.set(target, *value);
    }

    std::string origin_;
    LoadResult& result_;
    std::vector<int> services_lines_;
};

} // namespace
} // namespace kiosk::config

namespace kiosk::config {

std::string Problem::to_string() const {
    std::string out = origin;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!key.empty()) out += key + ": ";
    return out + message;
}

LoadResult load_config_text(std::string_view text, std::string_view origin,
                            const std::vector<std::string>& overrides) {
    LoadResult result;
    Validator validator{std::string(origin), result};
    try {
        toml::table parsed = toml::parse(text, origin);
        validator.walk_config(parsed);
    } catch (const toml::parse_error& error) {
        result.problems.push_back({std::string(origin), static_cast<int>(error.source().begin.line), "",
                                   "TOML syntax error: " + std::string(error.description())});
    }
    if (cut_short(text))
        result.problems.push_back({std::string(origin), 0, "",
                                   "the file ends early (\"" + std::string(kEndOfFile) +
                                       "\" is missing): an interrupted or truncated save"});
    for (const auto& line : overrides)
        validator.apply_override(line);
    validator.cross_check();
    return result;
}

LoadResult load_config_file(const std::filesystem::path& path, const std::vector<std::string>& overrides) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        LoadResult result = load_config_text("", path.string(), overrides);
        result.file_found = false;
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
        LoadResult result;
        result.problems.push_back({path.string(), 0, "", "cannot read the file"});
        return result;
    }
    return load_config_text(text.str(), path.string(), overrides);
}

namespace {

// A TOML basic string. Control characters (which TOML does not allow raw) are escaped, so a value read from
// an escaped string ("a\nb") renders back to text that reads again (set-up writes files with this).
std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04X", u);
            out += esc;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string render(const Value& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, bool>)
                return v ? "true" : "false";
            else if constexpr (std::is_same_v<V, int64_t>)
                return std::to_string(v);
            else if constexpr (std::is_same_v<V, double>) {
                std::ostringstream out;
                out << v;
                std::string s = out.str();
                return s.find_first_of(".e") == std::string::npos ? s + ".0" : s;
            } else if constexpr (std::is_same_v<V, std::string>)
                return quote(v);
            else {
                std::string out = "[";
                for (size_t i = 0; i < v.size(); ++i) {
                    if (i) out += ", ";
                    if constexpr (std::is_same_v<V, std::vector<std::string>>)
                        out += quote(v[i]);
                    else
                        out += std::to_string(v[i]);
                }
                return out + "]";
            }
        },
        value);
}

template <class T> std::string constraint_text(const KeyDef<T>& def) {
    std::string out;
    if (!def.choices.empty()) {
        for (const auto& choice : def.choices)
            out += (out.empty() ? " (" : " | ") + choice;
        out += ")";
    } else if (def.min && def.max) {
        out = " (" + std::to_string(static_cast<long long>(*def.min)) + "–" +
              std::to_string(static_cast<long long>(*def.max)) + ")";
    } else if (!def.pattern.empty()) {
        out = " (" + def.pattern + ")";
    }
    return out;
}

} // namespace

std::string to_toml(const Config& config) {
    std::string out;
    std::string section;
    for (const auto& def : config_schema()) {
        auto dot = def.key.find('.');
        std::string this_section = def.key.substr(0, dot);
        if (this_section != section) {
            out += (out.empty() ? "[" : "\n[") + this_section + "]\n";
            section = this_section;
        }
        out += "# " + def.help + constraint_text(def) + "\n" + def.key.substr(dot + 1) + " = " +
               render(def.get(config)) + "\n";
    }
    for (const auto& service : config.services) {
        out += "\n[[services]]\n";
        for (const auto& def : service_schema())
            out +=
                def.key + " = " + render(def.get(service)) + "  # " + def.help + constraint_text(def) + "\n";
    }
    return out;
}

} // namespace kiosk::config
