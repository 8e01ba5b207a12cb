#include "kiosk/core/catalog/model.hpp"

#include <algorithm>

namespace kiosk::catalog {

namespace {
template <class T>
const T* find_by(const std::vector<T>& items, std::string_view key, std::string T::*member) {
    for (const auto& item : items)
        if (item.*member == key) return &item;
    return nullptr;
}
} // namespace

bool Procedure::has_level(Level level) const {
    return std::find(levels.begin(), levels.end(), level) != levels.end();
}

const Field* Catalog::find_field(std::string_view id) const {
    return find_by(fields, id, &Field::id);
}
const Procedure* Catalog::find(std::string_view code) const {
    return find_by(procedures, code, &Procedure::code);
}
const Source* Catalog::find_source(std::string_view id) const {
    return find_by(sources, id, &Source::id);
}
const AdminUnit* Catalog::find_unit(std::string_view code) const {
    return find_by(units, code, &AdminUnit::code);
}

std::string_view to_string(Level level) {
    switch (level) {
    case Level::province:
        return "province";
    case Level::district:
        return "district";
    case Level::commune:
        return "commune";
    }
    return "commune";
}

std::string_view to_string(ChannelKind kind) {
    switch (kind) {
    case ChannelKind::in_person:
        return "in_person";
    case ChannelKind::online:
        return "online";
    case ChannelKind::post:
        return "post";
    }
    return "in_person";
}

std::string_view to_string(OnlineLevel level) {
    switch (level) {
    case OnlineLevel::none:
        return "none";
    case OnlineLevel::partial:
        return "partial";
    case OnlineLevel::full:
        return "full";
    }
    return "none";
}

std::optional<Level> parse_level(std::string_view text) {
    for (Level level : kAllLevels)
        if (to_string(level) == text) return level;
    return std::nullopt;
}

std::optional<ChannelKind> parse_channel_kind(std::string_view text) {
    for (ChannelKind kind : kAllChannelKinds)
        if (to_string(kind) == text) return kind;
    return std::nullopt;
}

std::optional<OnlineLevel> parse_online_level(std::string_view text) {
    for (OnlineLevel level : kAllOnlineLevels)
        if (to_string(level) == text) return level;
    return std::nullopt;
}

std::string i18n_key(Level level) {
    return "catalog.level." + std::string(to_string(level));
}
std::string i18n_key(ChannelKind kind) {
    return "catalog.channel." + std::string(to_string(kind));
}
std::string i18n_key(OnlineLevel level) {
    return "catalog.online." + std::string(to_string(level));
}

} // namespace kiosk::catalog
