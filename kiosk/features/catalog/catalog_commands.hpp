#pragma once
// What the procedure screens ask for. Routed to the CatalogFeature (it registers these types).

#include <string>

namespace kiosk::features::catalog_ui {

inline constexpr const char* kBrowseScreen = "procedures.browse"; // level → field → procedure
inline constexpr const char* kSearchScreen = "procedures.search"; // search with the on-screen keyboard
inline constexpr const char* kDetailScreen = "procedures.detail"; // one procedure

struct BrowseLevel {
    int level; // catalog::Level as int; -1 = all
};
struct BrowseField {
    std::string field_id; // empty: back to the field list
};
struct OpenProcedure {
    std::string code;
};
struct PrintChecklist {
    std::string code;
};
// Sync the catalog with the gateway now instead of at the next interval (set-up's Maintenance screen).
struct SyncNow {};

} // namespace kiosk::features::catalog_ui
