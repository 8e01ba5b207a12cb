#pragma once
// What the procedure screens show: the catalog and its search index (office data, swapped whole when a sync
// brings a new catalog) and the citizen's browsing state (level, field, search text, open procedure),
// forgotten on idle.

#include "kiosk/core/catalog/model.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/qr_view.hpp"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui {

struct CatalogModel {
    std::shared_ptr<const catalog::Catalog> catalog; // null until loaded
    std::shared_ptr<const search::SearchIndex> index;
    std::string origin_text;    // "bundled, generated 2026-11-27" for staff/footer
    std::string load_error_key; // the catalog could not be loaded at all
    // The citizen's part:
    int level = -1;    // catalog::Level as int; -1 = all levels
    std::string field; // selected field id; empty = field list
    std::string query; // search text (composed Vietnamese)
    std::vector<search::SearchHit> results;
    std::string procedure;        // open procedure code
    std::string print_status_key; // checklist printing: result for the citizen
    bool printing = false;
    QrView online_qr;      // QR of the open procedure's online service
    KeyboardView keyboard; // letters, Telex by default

    void forget() {
        level = -1;
        field.clear();
        query.clear();
        results.clear();
        procedure.clear();
        print_status_key.clear();
        online_qr = {};
        keyboard = {};
    }
};

} // namespace kiosk::ui
