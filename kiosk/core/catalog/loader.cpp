// Schema rules checked here (besides the JSON/text checks in json_dom.cpp):
//  * unknown keys are errors at every level; required keys must be present, required strings non-blank;
//    optional keys may be null (= absent);
//  * format == "motcua-catalog/1"; "generated" and each "checked" are real calendar dates YYYY-MM-DD;
//  * codes and ids are 1–64 characters of A–Z a–z 0–9 . - _ / and unique within their list;
//  * procedures: non-empty list; "levels" non-empty, no repeats; "field" names a declared field; "source" is
//    a declared source id, alone or followed by ":" and a detail; enums are exact spellings;
//  * channels: "kind" required ("time" optional: sources are often silent, as in schema.json); "days" an
//  integer 0..3650; "fee_vnd" an integer 0..10^12;
//  * URLs start with https:// or http:// and contain no spaces; unit parents resolve without cycles.
#include "kiosk/core/catalog/loader.hpp"

#include "kiosk/core/catalog/json_dom.hpp"
#include "kiosk/core/catalog/text_check.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace kiosk::catalog {

namespace {

using detail::join_index;
using detail::join_key;
using nlohmann::json;

constexpr long long kMaxDays = 3650;
constexpr long long kMaxFeeVnd = 1'000'000'000'000LL;

std::string describe(const json& value) {
    switch (value.type()) {
    case json::value_t::string:
        return quote_excerpt(value.get_ref<const std::string&>());
    case json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case json::value_t::null:
        return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "number " + value.dump();
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\n") == std::string_view::npos;
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '-' || c == '_' || c == '/'))
            return false;
    return true;
}

bool valid_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9') return false;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    const int year = parts[0], month = parts[1], day = parts[2];
    if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool valid_url(std::string_view url) {
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    return scheme && url.find_first_of(" \t\n") == std::string_view::npos && url.size() > 8;
}

enum class Need { optional, required };

// Collects problems, capped by LoadLimits::max_problems.
class Checker {
  public:
    Checker(LoadReport& report, const LoadLimits& limits) : report_(report), limits_(limits) {}
    void add(const std::string& path, std::string message) {
        if (report_.problems.size() < limits_.max_problems)
            report_.problems.push_back(Problem{path.empty() ? "$" : path, std::move(message)});
        else
            ++report_.suppressed;
    }

  private:
    LoadReport& report_;
    const LoadLimits& limits_;
};

// One JSON object being read: reports a wrong type and unknown keys on construction.
class Obj {
  public:
    Obj(Checker& check, const json& value, std::string path, std::initializer_list<std::string_view> allowed)
        : check_(check), value_(value), path_(std::move(path)) {
        if (!value.is_object()) {
            check.add(path_, "expected an object, got " + describe(value));
            return;
        }
        ok_ = true;
        for (const auto& [key, item] : value.items()) {
            bool known = false;
            for (std::string_view name : allowed)
                known = known || name == key;
            if (!known) {
                std::string list;
                for (std::string_view name : allowed) {
                    if (!list.empty()) list += ", ";
                    list += name;
                }
                check.add(join_key(path_, key), "unknown key (allowed: " + list + ")");
            }
        }
    }
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::string path(std::string_view key) const { return join_key(path_, key); }
    [[nodiscard]] const std::string& path() const { return path_; }
    // The value at key, nullptr when absent or null; reports a missing required key.
    [[nodiscard]] const json* get(std::string_view key, Need need) const {
        if (!ok_) return nullptr;
        const auto it = value_.find(key);
        if (it == value_.end()) {
            if (need == Need::required) check_.add(path(key), "missing required key");
            return nullptr;
        }
        if (it->is_null()) {
            if (need == Need::required) check_.add(path(key), "must not be null");
            return nullptr;
        }
        return &*it;
    }

  private:
    Checker& check_;
    const json& value_;
    std::string path_;
    bool ok_ = false;
};

bool read_string(Checker& check, const Obj& obj, std::string_view key, Need need, std::string& out) {
    const json* value = obj.get(key, need);
    if (!value) return false;
    if (!value->is_string()) {
        check.add(obj.path(key), "expected a string, got " + describe(*value));
        return false;
    }
    out = value->get<std::string>();
    if (need == Need::required && is_blank(out)) {
        check.add(obj.path(key), "must not be empty");
        return false;
    }
    return true;
}

void read_string_list(Checker& check, const Obj& obj, std::string_view key, Need need,
                      std::vector<std::string>& out) {
    const json* value = obj.get(key, need);
    if (!value) return;
    if (!value->is_array()) {
        check.add(obj.path(key), "expected an array of strings, got " + describe(*value));
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string())
            check.add(join_index(obj.path(key), i), "expected a string, got " + describe(item));
        else if (is_blank(item.get_ref<const std::string&>()))
            check.add(join_index(obj.path(key), i), "must not be empty");
        else
            out.push_back(item.get<std::string>());
    }
}

std::optional<long long> read_integer(Checker& check, const Obj& obj, std::string_view key, long long min,
                                      long long max) {
    const json* value = obj.get(key, Need::optional);
    if (!value) return std::nullopt;
    const std::string range = " in " + std::to_string(min) + ".." + std::to_string(max);
    if (value->is_number_unsigned() &&
        value->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        check.add(obj.path(key), "expected an integer" + range + ", got " + describe(*value));
        return std::nullopt;
    }
    if (!value->is_number_integer() || value->get<long long>() < min || value->get<long long>() > max) {
        check.add(obj.path(key), "expected an integer" + range + ", got " + describe(*value));
        return std::nullopt;
    }
    return value->get<long long>();
}

void read_date(Checker& check, const Obj& obj, std::string_view key, std::string& out) {
    if (!read_string(check, obj, key, Need::required, out)) return;
    if (!valid_date(out)) check.add(obj.path(key), "expected a date YYYY-MM-DD, got " + quote_excerpt(out));
}

void read_id(Checker& check, const Obj& obj, std::string_view key, std::string& out) {
    if (!read_string(check, obj, key, Need::required, out)) return;
    if (!valid_id(out))
        check.add(obj.path(key),
                  "expected 1-64 characters of A-Z a-z 0-9 . - _ /, got " + quote_excerpt(out));
}

void read_url(Checker& check, const Obj& obj, std::string_view key, std::string& out) {
    if (read_string(check, obj, key, Need::optional, out) && !out.empty() && !valid_url(out))
        check.add(obj.path(key), "expected an http(s):// URL without spaces, got " + quote_excerpt(out));
}

template <class E, std::size_t N> std::string choices(const E (&all)[N]) {
    std::string out;
    for (E item : all) {
        if (!out.empty()) out += '|';
        out += to_string(item);
    }
    return out;
}

template <class E, std::size_t N, class Parse>
std::optional<E> enum_value(Checker& check, const json& value, const std::string& path, const E (&all)[N],
                            Parse parse) {
    std::optional<E> parsed;
    if (value.is_string()) parsed = parse(value.get_ref<const std::string&>());
    if (!parsed) check.add(path, "expected one of " + choices(all) + ", got " + describe(value));
    return parsed;
}

// Iterates an array of objects; reports a non-array.
template <class Fn> void each(Checker& check, const json* value, const std::string& path, Fn fn) {
    if (!value) return;
    if (!value->is_array()) {
        check.add(path, "expected an array, got " + describe(*value));
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i)
        fn((*value)[i], join_index(path, i));
}

// Reports the second and later occurrences of a code/id.
class UniqueCheck {
  public:
    UniqueCheck(Checker& check, std::string what) : check_(check), what_(std::move(what)) {}
    void see(const std::string& id, const std::string& path) {
        if (id.empty()) return;
        auto [it, inserted] = first_.emplace(id, path);
        if (!inserted)
            check_.add(path,
                       "duplicate " + what_ + " " + quote_excerpt(id) + " (first at " + it->second + ")");
    }

  private:
    Checker& check_;
    std::string what_;
    std::unordered_map<std::string, std::string> first_;
};

void read_sources(Checker& check, const Obj& root, Catalog& out) {
    UniqueCheck unique(check, "source id");
    each(check, root.get("sources", Need::required), root.path("sources"),
         [&](const json& item, std::string path) {
             Obj obj(check, item, std::move(path), {"id", "description", "url", "retrieved"});
             if (!obj.ok()) return;
             Source source;
             read_id(check, obj, "id", source.id);
             unique.see(source.id, obj.path("id"));
             (void)read_string(check, obj, "description", Need::optional, source.description);
             read_url(check, obj, "url", source.url);
             (void)read_string(check, obj, "retrieved", Need::optional, source.retrieved);
             out.sources.push_back(std::move(source));
         });
}

void read_units(Checker& check, const Obj& root, Catalog& out) {
    UniqueCheck unique(check, "unit code");
    std::vector<std::string> paths;
    each(check, root.get("units", Need::optional), root.path("units"),
         [&](const json& item, std::string path) {
             Obj obj(check, item, std::move(path), {"code", "name", "level", "parent"});
             if (!obj.ok()) return;
             AdminUnit unit;
             read_id(check, obj, "code", unit.code);
             unique.see(unit.code, obj.path("code"));
             (void)read_string(check, obj, "name", Need::required, unit.name);
             if (const json* level = obj.get("level", Need::required))
                 if (auto parsed = enum_value(check, *level, obj.path("level"), kAllLevels, parse_level))
                     unit.level = *parsed;
             (void)read_string(check, obj, "parent", Need::optional, unit.parent);
             paths.push_back(obj.path("parent"));
             out.units.push_back(std::move(unit));
         });
    std::unordered_map<std::string, const AdminUnit*> by_code;
    for (const auto& unit : out.units)
        by_code.emplace(unit.code, &unit);
    for (std::size_t i = 0; i < out.units.size(); ++i) {
        const AdminUnit* unit = &out.units[i];
        if (unit->parent.empty()) continue;
        if (!by_code.count(unit->parent)) {
            check.add(paths[i], "unknown unit code " + quote_excerpt(unit->parent));
            continue;
        }
        // A chain longer than the unit count must loop.
        for (std::size_t steps = 0; unit && !unit->parent.empty(); ++steps) {
            if (steps > out.units.size()) {
                check.add(paths[i], "parent chain loops back to " + quote_excerpt(out.units[i].code));
                break;
            }
            const auto it = by_code.find(unit->parent);
            unit = it == by_code.end() ? nullptr : it->second;
        }
    }
}

void read_fields(Checker& check, const Obj& root, Catalog& out) {
    UniqueCheck unique(check, "field id");
    each(check, root.get("fields", Need::required), root.path("fields"),
         [&](const json& item, std::string path) {
             Obj obj(check, item, std::move(path), {"id", "name"});
             if (!obj.ok()) return;
             Field field;
             read_id(check, obj, "id", field.id);
             unique.see(field.id, obj.path("id"));
             if (const json* name = obj.get("name", Need::required)) {
                 Obj text(check, *name, obj.path("name"), {"vi", "en"});
                 (void)read_string(check, text, "vi", Need::required, field.name.vi);
                 (void)read_string(check, text, "en", Need::optional, field.name.en);
             }
             out.fields.push_back(std::move(field));
         });
}

// An optional {"vi": ..., "en": ...} object; both texts required when present.
void read_localized(Checker& check, const Obj& parent, const char* key, LocalizedText& out) {
    const json* value = parent.get(key, Need::optional);
    if (!value) return;
    Obj text(check, *value, parent.path(key), {"vi", "en"});
    if (!text.ok()) return;
    (void)read_string(check, text, "vi", Need::required, out.vi);
    (void)read_string(check, text, "en", Need::required, out.en);
}

void read_level_list(Checker& check, const json& levels, const std::string& base, std::vector<Level>& out) {
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string path = join_index(base, i);
        const auto level = enum_value(check, levels[i], path, kAllLevels, parse_level);
        if (!level) continue;
        if (std::find(out.begin(), out.end(), *level) != out.end())
            check.add(path, "level " + std::string(to_string(*level)) + " is listed twice");
        else
            out.push_back(*level);
    }
}

void read_channel(Checker& check, const json& item, std::string path, std::vector<Channel>& out) {
    Obj obj(check, item, std::move(path),
            {"kind", "time", "days", "fee", "fee_vnd", "note", "time_plain", "fee_plain"});
    if (!obj.ok()) return;
    Channel channel;
    if (const json* kind = obj.get("kind", Need::required))
        if (auto parsed = enum_value(check, *kind, obj.path("kind"), kAllChannelKinds, parse_channel_kind))
            channel.kind = *parsed;
    (void)read_string(check, obj, "time", Need::optional, channel.time); // sources are often silent
    if (auto days = read_integer(check, obj, "days", 0, kMaxDays)) channel.days = static_cast<int>(*days);
    (void)read_string(check, obj, "fee", Need::optional, channel.fee);
    channel.fee_vnd = read_integer(check, obj, "fee_vnd", 0, kMaxFeeVnd);
    (void)read_string(check, obj, "note", Need::optional, channel.note);
    read_localized(check, obj, "time_plain", channel.time_plain);
    read_localized(check, obj, "fee_plain", channel.fee_plain);
    out.push_back(std::move(channel));
}

void read_document(Checker& check, const json& item, std::string path, std::vector<Document>& out) {
    Obj obj(check, item, std::move(path), {"name", "form", "copies"});
    if (!obj.ok()) return;
    Document document;
    (void)read_string(check, obj, "name", Need::required, document.name);
    (void)read_string(check, obj, "form", Need::optional, document.form);
    (void)read_string(check, obj, "copies", Need::optional, document.copies);
    out.push_back(std::move(document));
}

bool source_declared(const Catalog& catalog, std::string_view source) {
    for (const auto& declared : catalog.sources) {
        const std::string_view id = declared.id;
        if (source == id ||
            (source.size() > id.size() && source.substr(0, id.size()) == id && source[id.size()] == ':'))
            return true;
    }
    return false;
}

// "levels" may be empty only when "level_basis" says why (the level could not be confirmed after 07/2025).
void read_levels(Checker& check, const Obj& obj, Procedure& procedure) {
    const json* levels = obj.get("levels", Need::required);
    if (!levels) return;
    if (!levels->is_array() || (levels->empty() && !obj.get("level_basis", Need::optional))) {
        check.add(obj.path("levels"), "expected a non-empty array of " + choices(kAllLevels) +
                                          " (or [] with a \"level_basis\"), got " +
                                          (levels->is_array() ? std::string("[]") : describe(*levels)));
        return;
    }
    read_level_list(check, *levels, obj.path("levels"), procedure.levels);
}

void read_level_basis(Checker& check, const Obj& obj, Procedure& procedure) {
    const json* basis = obj.get("level_basis", Need::optional);
    if (!basis) return;
    Obj b(check, *basis, obj.path("level_basis"), {"source", "date"});
    if (!b.ok()) return;
    (void)read_string(check, b, "source", Need::required, procedure.level_basis.source);
    read_date(check, b, "date", procedure.level_basis.date);
}

void read_before_reform(Checker& check, const Obj& obj, Procedure& procedure) {
    const json* before = obj.get("before_2025", Need::optional);
    if (!before) return;
    Obj b(check, *before, obj.path("before_2025"), {"levels", "name", "name_en", "agency", "steps"});
    if (!b.ok()) return;
    BeforeReform& out = procedure.before_2025;
    if (const json* levels = b.get("levels", Need::optional)) {
        if (levels->is_array())
            read_level_list(check, *levels, b.path("levels"), out.levels);
        else
            check.add(b.path("levels"),
                      "expected an array of " + choices(kAllLevels) + ", got " + describe(*levels));
    }
    (void)read_string(check, b, "name", Need::optional, out.name);
    (void)read_string(check, b, "name_en", Need::optional, out.name_en);
    (void)read_string(check, b, "agency", Need::optional, out.agency);
    read_string_list(check, b, "steps", Need::optional, out.steps);
}

void read_procedure(Checker& check, const json& item, std::string path, Catalog& out) {
    Obj obj(check, item, std::move(path),
            {"code", "name", "name_en", "levels", "field", "agency", "steps", "channels", "documents",
             "conditions", "legal_basis", "result", "online_level", "online_url", "keywords", "source",
             "checked", "level_basis", "before_2025"});
    if (!obj.ok()) return;
    Procedure procedure;
    read_id(check, obj, "code", procedure.code);
    (void)read_string(check, obj, "name", Need::required, procedure.name);
    (void)read_string(check, obj, "name_en", Need::optional, procedure.name_en);
    read_levels(check, obj, procedure);
    read_level_basis(check, obj, procedure);
    read_before_reform(check, obj, procedure);
    if (read_string(check, obj, "field", Need::required, procedure.field) && !out.find_field(procedure.field))
        check.add(obj.path("field"),
                  "unknown field id " + quote_excerpt(procedure.field) + " (not in \"fields\")");
    (void)read_string(check, obj, "agency", Need::optional, procedure.agency);
    read_string_list(check, obj, "steps", Need::optional, procedure.steps);
    each(check, obj.get("channels", Need::optional), obj.path("channels"),
         [&](const json& channel, std::string p) {
             read_channel(check, channel, std::move(p), procedure.channels);
         });
    each(check, obj.get("documents", Need::optional), obj.path("documents"),
         [&](const json& doc, std::string p) {
             read_document(check, doc, std::move(p), procedure.documents);
         });
    read_string_list(check, obj, "conditions", Need::optional, procedure.conditions);
    read_string_list(check, obj, "legal_basis", Need::optional, procedure.legal_basis);
    (void)read_string(check, obj, "result", Need::optional, procedure.result);
    if (const json* online = obj.get("online_level", Need::optional))
        if (auto parsed =
                enum_value(check, *online, obj.path("online_level"), kAllOnlineLevels, parse_online_level))
            procedure.online_level = *parsed;
    read_url(check, obj, "online_url", procedure.online_url);
    read_string_list(check, obj, "keywords", Need::optional, procedure.keywords);
    if (read_string(check, obj, "source", Need::required, procedure.source) &&
        !source_declared(out, procedure.source))
        check.add(obj.path("source"),
                  "does not start with a declared source id (\"<id>\" or \"<id>: detail\"), got " +
                      quote_excerpt(procedure.source));
    read_date(check, obj, "checked", procedure.checked);
    out.procedures.push_back(std::move(procedure));
}

Catalog read_catalog(Checker& check, const json& document) {
    Catalog catalog;
    Obj root(check, document, "",
             {"format", "title", "generated", "sources", "units", "fields", "procedures"});
    if (!root.ok()) return catalog;
    if (read_string(check, root, "format", Need::required, catalog.format) && catalog.format != kFormatV1)
        check.add(root.path("format"),
                  "expected \"" + std::string(kFormatV1) + "\", got " + quote_excerpt(catalog.format));
    (void)read_string(check, root, "title", Need::optional, catalog.title);
    read_date(check, root, "generated", catalog.generated);
    read_sources(check, root, catalog);
    read_units(check, root, catalog);
    read_fields(check, root, catalog);
    const json* procedures = root.get("procedures", Need::required);
    if (procedures && procedures->is_array() && procedures->empty())
        check.add(root.path("procedures"), "must not be empty");
    UniqueCheck unique(check, "procedure code");
    each(check, procedures, root.path("procedures"), [&](const json& item, std::string path) {
        const std::size_t before = catalog.procedures.size();
        read_procedure(check, item, path, catalog);
        if (catalog.procedures.size() > before)
            unique.see(catalog.procedures.back().code, join_key(path, "code"));
    });
    return catalog;
}

} // namespace

std::string LoadReport::summary(std::size_t max_lines) const {
    std::ostringstream out;
    out << total() << (total() == 1 ? " problem" : " problems");
    for (std::size_t i = 0; i < problems.size() && i < max_lines; ++i)
        out << "\n" << problems[i].to_string();
    if (total() > max_lines)
        out << "\n... and " << (total() - std::min(max_lines, problems.size())) << " more";
    return out.str();
}

Result<Catalog> load_catalog(std::string_view json_text) {
    LoadReport report;
    return load_catalog(json_text, report);
}

Result<Catalog> load_catalog(std::string_view json_text, LoadReport& report, const LoadLimits& limits) {
    Checker check(report, limits);
    if (json_text.size() > limits.max_bytes) {
        check.add("$", "document is " + std::to_string(json_text.size()) + " bytes, more than the limit of " +
                           std::to_string(limits.max_bytes));
        return make_error("too_large", report.summary(1));
    }
    json document;
    const bool parsed = detail::parse_json_dom(
        json_text, limits,
        [&](std::string path, std::string message) { check.add(path, std::move(message)); }, document);
    if (!parsed) return make_error("invalid_catalog", report.summary(5));
    Catalog catalog = read_catalog(check, document);
    if (!report.ok()) return make_error("invalid_catalog", report.summary(5));
    return catalog;
}

LoadReport validate_catalog(std::string_view json_text, const LoadLimits& limits) {
    LoadReport report;
    (void)load_catalog(json_text, report, limits);
    return report;
}

Result<std::string> read_catalog_text(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return make_error("not_found", "cannot open catalog file " + path.string() + ": " + ec.message());
    if (size > max_bytes)
        return make_error("too_large", "catalog file " + path.string() + " is " + std::to_string(size) +
                                           " bytes, more than the limit of " + std::to_string(max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("io", "cannot read catalog file " + path.string());
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        return make_error("io", "catalog file " + path.string() + " changed or could not be read completely");
    return text;
}

Result<Catalog> load_catalog_file(const std::filesystem::path& path, LoadReport* report,
                                  const LoadLimits& limits) {
    auto text = read_catalog_text(path, limits.max_bytes);
    if (!text) return text.error();
    LoadReport local;
    LoadReport& target = report ? *report : local;
    auto catalog = load_catalog(*text, target, limits);
    if (!catalog) return make_error(catalog.error().kind, path.string() + ": " + catalog.error().message);
    return catalog;
}

} // namespace kiosk::catalog
