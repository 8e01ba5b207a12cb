#include "kiosk/cli/kiosk_reading.hpp"

#include <sstream>

namespace kiosk::cli {
namespace {

std::vector<std::string> codes_from_healthz(const std::string& body) {
    std::vector<std::string> out;
    constexpr std::string_view prefix = "degraded: ";
    if (body.rfind(prefix, 0) != 0) return out;
    std::string rest = body.substr(prefix.size());
    while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r'))
        rest.pop_back();
    std::stringstream in(rest);
    for (std::string code; std::getline(in, code, ',');)
        if (!code.empty()) out.push_back(code);
    return out;
}

std::string ago(std::int64_t seconds) {
    if (seconds < 0) return "?";
    if (seconds < 120) return std::to_string(seconds) + "s ago";
    if (seconds < 7200) return std::to_string(seconds / 60) + "m ago";
    return std::to_string(seconds / 3600) + "h ago";
}

template <class T> T field(const nlohmann::json& j, const char* a, const char* b, T fallback) {
    if (!j.contains(a) || !j[a].is_object() || !j[a].contains(b)) return fallback;
    const auto& v = j[a][b];
    if constexpr (std::is_same_v<T, std::string>) {
        return v.is_string() ? v.get<std::string>() : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return v.is_boolean() ? v.get<bool>() : fallback;
    } else {
        return v.is_number_integer() ? v.get<T>() : fallback;
    }
}

} // namespace

KioskReading read_kiosk(const net::HttpClient& http, std::string url, const std::string& token) {
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    KioskReading r;
    r.url = url;
    net::HttpRequest request{url + "/status", {}, 0, 0};
    if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
    auto status = http.get(request);
    if (!status) {
        r.error = status.error().kind + ": " + status.error().message;
        return r;
    }
    r.online = true;
    if (status->status == 200) {
        auto j = nlohmann::json::parse(status->body, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            r.error = "/status is not JSON";
            return r;
        }
        r.detailed = true;
        r.healthy = j.value("ok", false);
        if (j.contains("problems") && j["problems"].is_array())
            for (const auto& p : j["problems"])
                if (p.is_object() && p.contains("code") && p["code"].is_string())
                    r.problems.push_back(p["code"]);
        r.status = std::move(j);
        return r;
    }
    r.error = status->status == 401 ? (token.empty() ? "token needed for details" : "token refused")
                                    : "/status answered " + std::to_string(status->status);
    auto healthz = http.get({url + "/healthz", {}, 0, 0});
    if (!healthz) {
        r.error += "; /healthz: " + healthz.error().message;
        return r;
    }
    r.healthy = healthz->status == 200;
    r.problems = codes_from_healthz(healthz->body);
    return r;
}

std::string format_line(const KioskReading& r) {
    std::string line = r.url + "  ";
    if (!r.online) return line + "OFFLINE  " + r.error;
    line += "online  ";
    line += r.healthy ? "healthy" : "DEGRADED";
    if (r.detailed) {
        const auto& s = r.status;
        const std::string fault = field<std::string>(s, "printer", "fault", "");
        const std::string state = field<std::string>(s, "printer", "state", "");
        line += "  printer=" + (!fault.empty() ? fault : state.empty() ? std::string("?") : state);
        line += "  paper=" + std::string(fault == "out_of_paper" ? "OUT" : "ok");
        const auto age = field<std::int64_t>(s, "catalog", "age_days", -1);
        line += "  catalog=" + (age < 0 ? std::string("?") : std::to_string(age) + "d");
        line += "  version=" + s.value("version", std::string("?"));
        const std::int64_t last = s.value("last_frame_at", std::int64_t{0});
        line +=
            "  last_frame=" + (last <= 0 ? std::string("none") : ago(s.value("now", std::int64_t{0}) - last));
    }
    if (!r.problems.empty()) {
        line += "  problems=";
        for (std::size_t i = 0; i < r.problems.size(); ++i)
            line += (i ? "," : "") + r.problems[i];
    }
    if (!r.error.empty()) line += "  (" + r.error + ")";
    return line;
}

nlohmann::json to_json(const KioskReading& r) {
    nlohmann::json j = {{"url", r.url},
                        {"online", r.online},
                        {"healthy", r.healthy},
                        {"problems", r.problems},
                        {"error", r.error}};
    if (r.detailed) j["status"] = r.status;
    return j;
}

} // namespace kiosk::cli
