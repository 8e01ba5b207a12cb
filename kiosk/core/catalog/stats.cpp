#include "kiosk/core/catalog/stats.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace kiosk::catalog {

CatalogStats compute_stats(const Catalog& catalog) {
    CatalogStats stats;
    stats.format = catalog.format, stats.title = catalog.title, stats.generated = catalog.generated;
    stats.sources = catalog.sources.size(), stats.units = catalog.units.size();
    stats.fields = catalog.fields.size(), stats.procedures = catalog.procedures.size();
    std::unordered_map<std::string, std::size_t> field_index;
    for (const auto& field : catalog.fields) {
        field_index.emplace(field.id, stats.per_field.size());
        stats.per_field.push_back(FieldCount{field.id, field.name, 0});
    }
    for (const auto& procedure : catalog.procedures) {
        for (Level level : procedure.levels)
            ++stats.per_level[static_cast<int>(level)];
        stats.level_unconfirmed += procedure.levels.empty();
        stats.level_changed += !procedure.before_2025.levels.empty();
        stats.with_level_basis += !procedure.level_basis.source.empty();
        ++stats.per_online_level[static_cast<int>(procedure.online_level)];
        bool offered[3] = {false, false, false};
        for (const auto& channel : procedure.channels) {
            offered[static_cast<int>(channel.kind)] = true;
            stats.with_fee_vnd += channel.fee_vnd.has_value();
            stats.with_days += channel.days.has_value();
        }
        for (int kind = 0; kind < 3; ++kind)
            stats.per_channel_kind[kind] += offered[kind];
        stats.documents += procedure.documents.size();
        if (auto it = field_index.find(procedure.field); it != field_index.end())
            ++stats.per_field[it->second].procedures;
        if (!procedure.checked.empty()) {
            if (stats.oldest_checked.empty() || procedure.checked < stats.oldest_checked)
                stats.oldest_checked = procedure.checked;
            stats.newest_checked = std::max(stats.newest_checked, procedure.checked);
        }
    }
    return stats;
}

std::string stats_to_json(const CatalogStats& stats, int indent) {
    nlohmann::ordered_json out;
    out["format"] = stats.format;
    out["title"] = stats.title;
    out["generated"] = stats.generated;
    out["sources"] = stats.sources;
    out["units"] = stats.units;
    out["fields"] = stats.fields;
    out["procedures"] = stats.procedures;
    // The district level ended on 1 July 2025: it is listed only when a record still (wrongly) carries it.
    for (Level level : kAllLevels)
        if (level != Level::district || stats.per_level[static_cast<int>(level)] > 0)
            out["per_level"][to_string(level)] = stats.per_level[static_cast<int>(level)];
    out["per_level"]["unconfirmed"] = stats.level_unconfirmed;
    out["level_changed_since_2025"] = stats.level_changed;
    out["with_level_basis"] = stats.with_level_basis;
    for (OnlineLevel level : kAllOnlineLevels)
        out["per_online_level"][to_string(level)] = stats.per_online_level[static_cast<int>(level)];
    for (ChannelKind kind : kAllChannelKinds)
        out["per_channel_kind"][to_string(kind)] = stats.per_channel_kind[static_cast<int>(kind)];
    out["per_field"] = nlohmann::ordered_json::array();
    for (const auto& field : stats.per_field)
        out["per_field"].push_back({{"id", field.id},
                                    {"name_vi", field.name.vi},
                                    {"name_en", field.name.en},
                                    {"procedures", field.procedures}});
    out["documents"] = stats.documents;
    out["channels_with_fee_vnd"] = stats.with_fee_vnd;
    out["channels_with_days"] = stats.with_days;
    out["oldest_checked"] = stats.oldest_checked;
    out["newest_checked"] = stats.newest_checked;
    // Catalog text is validated UTF-8, but never let a dump throw on foreign input.
    return out.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace kiosk::catalog
