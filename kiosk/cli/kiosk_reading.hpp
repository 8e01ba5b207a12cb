#pragma once
// KioskReading: what kioskctl learned about one remote kiosk from its status server, and the one-line and
// JSON forms `kioskctl health` and `kioskctl fleet` print. read_kiosk() does the HTTP (blocking, bounded by
// the client's timeouts); the formatting is pure.

#include "kiosk/net/http_client.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk::cli {

struct KioskReading {
    std::string url;
    bool online = false;
    bool healthy = false;
    bool detailed = false;             // /status was readable (token accepted or not needed)
    std::string error;                 // why it is offline, or why details are missing
    nlohmann::json status;             // the /status body when detailed
    std::vector<std::string> problems; // problem codes (from /status or /healthz)
};

[[nodiscard]] KioskReading read_kiosk(const net::HttpClient& http, std::string url, const std::string& token);
[[nodiscard]] std::string format_line(const KioskReading& r);
[[nodiscard]] nlohmann::json to_json(const KioskReading& r);

} // namespace kiosk::cli
