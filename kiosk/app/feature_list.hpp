#pragma once
// The kiosk's features, in the order they register (the plugin list of this program).

#include "kiosk/features/feature.hpp"

#include <memory>
#include <vector>

namespace kiosk::app {

[[nodiscard]] std::vector<std::unique_ptr<features::Feature>>
make_features(const features::FeatureContext& context);

} // namespace kiosk::app
