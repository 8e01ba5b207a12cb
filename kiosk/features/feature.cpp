#include "kiosk/features/feature.hpp"

#include <algorithm>

namespace kiosk::features {

void UiRegistry::add_screen(Feature& owner, ui::ScreenSpec spec) {
    if (screen(spec.id))
        problems_.push_back("screen '" + spec.id + "' registered twice; the first one stays");
    else
        screens_.push_back({std::move(spec), &owner});
}

void UiRegistry::add_home_entry(ui::HomeEntry entry) {
    auto at = std::upper_bound(home_.begin(), home_.end(), entry.order,
                               [](int order, const ui::HomeEntry& e) { return order < e.order; });
    home_.insert(at, std::move(entry));
}

void UiRegistry::add_command_type(std::type_index type, Feature& owner) {
    if (owner_of_command(type))
        problems_.push_back(std::string("command type ") + type.name() +
                            " registered twice; the first owner keeps it");
    else
        commands_.emplace_back(type, &owner);
}

const ui::ScreenSpec* UiRegistry::screen(std::string_view id) const {
    for (const auto& r : screens_)
        if (r.spec.id == id) return &r.spec;
    return nullptr;
}

Feature* UiRegistry::owner_of_screen(std::string_view id) const {
    for (const auto& r : screens_)
        if (r.spec.id == id) return r.owner;
    return nullptr;
}

Feature* UiRegistry::owner_of_command(std::type_index type) const {
    for (const auto& [t, owner] : commands_)
        if (t == type) return owner;
    return nullptr;
}

} // namespace kiosk::features
