#pragma once
// The kiosk's features, in the order they register (the plugin list of this program).

#include "kiosk/features/feature.hpp"

#include <memory>
#include <vector>

namespace kiosk::app {

[[nodiscard]] std::vector<std::unique_ptr<features::Feature>>
make_features(const features::FeatureContext& context);

// The screen a mode starts on instead of home ("" = home): ui.mode=display → the lobby board.
[[nodiscard]] std::string mode_start_screen(const config::Config& config);

} // namespace kiosk::app
