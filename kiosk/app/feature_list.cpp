#include "kiosk/app/feature_list.hpp"

#include "kiosk/features/catalog/catalog_feature.hpp"
#include "kiosk/features/counter/counter_commands.hpp"
#include "kiosk/features/counter/counter_feature.hpp"
#include "kiosk/features/display/display_feature.hpp"
#include "kiosk/features/dossier/dossier_feature.hpp"
#include "kiosk/features/queue/queue_feature.hpp"
#include "kiosk/features/rating/rating_feature.hpp"
#include "kiosk/features/setup/setup_feature.hpp"

namespace kiosk::app {

std::vector<std::unique_ptr<features::Feature>> make_features(const features::FeatureContext& context) {
    std::vector<std::unique_ptr<features::Feature>> list;
    // ui.mode picks what this screen is; the citizen kiosk is the default.
    if (context.config->ui.mode == "display") {
        list.push_back(std::make_unique<features::DisplayFeature>(context));
        return list;
    }
    if (context.config->ui.mode == "counter") {
        list.push_back(std::make_unique<features::CounterFeature>(context));
        return list;
    }
    // One line per feature. The order is registration order; home buttons sort by their own `order`.
    // Set-up first: its filter_keys takes the PIN pad's typed digits before the barcode-scanner detector.
    list.push_back(std::make_unique<features::SetupFeature>(context));
    list.push_back(std::make_unique<features::CatalogFeature>(context));
    list.push_back(std::make_unique<features::DossierFeature>(context));
    list.push_back(std::make_unique<features::QueueFeature>(context));
    list.push_back(std::make_unique<features::RatingFeature>(context));
    return list;
}

std::string mode_start_screen(const config::Config& config) {
    if (config.ui.mode == "display") return features::kDisplayScreen;
    if (config.ui.mode == "counter") return features::counter_ui::kCounterScreen;
    return "";
}

} // namespace kiosk::app
