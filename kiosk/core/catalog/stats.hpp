#pragma once
// Counts over a loaded catalog for `kioskctl catalog stats` and the health page: procedures per level,
// field, online level and channel kind, plus dates. It does not judge the catalog (loader.hpp does).

#include "kiosk/core/catalog/model.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::catalog {

struct FieldCount {
    std::string id;
    LocalizedText name;
    std::size_t procedures = 0;
};

struct CatalogStats {
    std::string format, title, generated;
    std::size_t sources = 0, units = 0, fields = 0, procedures = 0;
    std::size_t per_level[3] = {0, 0, 0};        // index: Level; a procedure at two levels counts twice
    std::size_t level_unconfirmed = 0;           // no level confirmed after 07/2025 ("ask at the counter")
    std::size_t level_changed = 0;               // records whose level differs from before the 07/2025 reform
    std::size_t with_level_basis = 0;            // records that say why they sit at their level
    std::size_t per_online_level[3] = {0, 0, 0}; // index: OnlineLevel
    std::size_t per_channel_kind[3] = {0, 0, 0}; // procedures offering the channel, index: ChannelKind
    std::vector<FieldCount> per_field;           // in the catalog's field order
    std::size_t documents = 0, with_fee_vnd = 0, with_days = 0; // with_*: channels
    std::string oldest_checked, newest_checked;
};

[[nodiscard]] CatalogStats compute_stats(const Catalog& catalog);
// Stable JSON object (keys as in CatalogStats, enum spellings as in the catalog format).
[[nodiscard]] std::string stats_to_json(const CatalogStats& stats, int indent = 2);

} // namespace kiosk::catalog
