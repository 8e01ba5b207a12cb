#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::dossier {

std::optional<DossierStatus> status_from_int(long long value) {
    if (value < 1 || value > 10) return std::nullopt;
    return static_cast<DossierStatus>(value);
}

std::optional<Delivery> delivery_from_string(std::string_view text) {
    if (text.empty()) return Delivery::unknown;
    if (text == "counter") return Delivery::counter;
    if (text == "post") return Delivery::post;
    if (text == "online") return Delivery::online;
    return std::nullopt;
}

std::string_view delivery_name(Delivery d) {
    switch (d) {
    case Delivery::counter:
        return "counter";
    case Delivery::post:
        return "post";
    case Delivery::online:
        return "online";
    case Delivery::unknown:
        break;
    }
    return "";
}

} // namespace kiosk::dossier
