#pragma once
// The configured services ([[services]]) as queue services, validated. Priority numbers print as "UT-" + the
// service prefix, e.g. "UT-A003", so every display text names one ticket per office day.

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/queue/service.hpp"

#include <vector>

namespace kiosk::queue {

[[nodiscard]] Result<std::vector<Service>> queue_services(const config::Config& config);

} // namespace kiosk::queue
