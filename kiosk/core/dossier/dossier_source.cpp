#include "kiosk/core/dossier/dossier_source.hpp"

#include <utility>

namespace kiosk::dossier {
namespace {

constexpr std::pair<std::string_view, std::string_view> kMap[] = {
    {"not_found", "dossier.error.not_found"},
    {"refused", "dossier.error.unreachable"},
    {"dns", "dossier.error.unreachable"},
    {"connect_timeout", "dossier.error.unreachable"},
    {"transport", "dossier.error.unreachable"},
    {"timeout", "dossier.error.timeout"},
    {"tls", "dossier.error.secure_connection"},
    {"too_large", "dossier.error.bad_response"},
    {"invalid_response", "dossier.error.bad_response"},
    {"code_mismatch", "dossier.error.bad_response"},
    {"server", "dossier.error.server"},
    {"rate_limited", "dossier.error.busy"},
    {"auth", "dossier.error.kiosk_setup"},
    {"config", "dossier.error.kiosk_setup"},
    {"bad_request", "dossier.error.generic"},
    {"store", "dossier.error.generic"},
};

} // namespace

std::string citizen_message_key(std::string_view error_kind) {
    for (const auto& [kind, key] : kMap)
        if (kind == error_kind) return std::string(key);
    return "dossier.error.generic";
}

std::vector<std::string> citizen_message_keys() {
    std::vector<std::string> keys{"dossier.error.generic"};
    for (const auto& entry : kMap)
        keys.emplace_back(entry.second);
    return keys;
}

} // namespace kiosk::dossier
