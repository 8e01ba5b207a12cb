#include "kiosk/cli/cmd_health.hpp"

#include "kiosk/cli/kiosk_reading.hpp"

#include <atomic>
#include <fstream>
#include <ostream>
#include <sstream>
#include <thread>

namespace kiosk::cli {
namespace {

constexpr std::size_t kMaxParallel = 16;

struct ReadOptions {
    std::string token;
    std::string ca_file;
    bool json = false;
    long timeout_ms = 5000;
    std::vector<std::string> positional;
    std::string error;
};

ReadOptions parse(const std::vector<std::string>& args) {
    ReadOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--json") {
            o.json = true;
        } else if ((a == "--token" || a == "--ca" || a == "--url" || a == "--timeout-ms") && !has_value) {
            o.error = a + " needs a value";
        } else if (a == "--token") {
            o.token = args[++i];
        } else if (a == "--ca") {
            o.ca_file = args[++i];
        } else if (a == "--url") {
            o.positional.push_back(args[++i]);
        } else if (a == "--timeout-ms") {
            try {
                o.timeout_ms = std::stol(args[++i]);
            } catch (...) {
                o.timeout_ms = 0;
            }
            if (o.timeout_ms < 100 || o.timeout_ms > 60000) o.error = "--timeout-ms must be 100..60000";
        } else if (a.rfind("--", 0) == 0) {
            o.error = "unknown option " + a;
        } else {
            o.positional.push_back(a);
        }
    }
    return o;
}

net::HttpClient make_client(const ReadOptions& o) {
    net::HttpOptions h;
    h.ca_file = o.ca_file;
    h.connect_timeout_ms = std::min(o.timeout_ms, 3000L);
    h.total_timeout_ms = o.timeout_ms;
    h.max_response_bytes = 256 * 1024;
    h.user_agent = "kioskctl";
    return net::HttpClient(h);
}

struct FleetEntry {
    std::string url;
    std::string token;
};

} // namespace

int run_health(CliContext& ctx) {
    auto o = parse(ctx.args);
    if (!o.error.empty() || o.positional.size() != 1) {
        ctx.err << "kioskctl health: " << (o.error.empty() ? "give one --url" : o.error)
                << "\nusage: kioskctl health --url URL [--token T] [--ca FILE] [--json] [--timeout-ms N]\n";
        return 2;
    }
    const auto http = make_client(o);
    const auto r = read_kiosk(http, o.positional[0], o.token);
    if (o.json)
        ctx.out << to_json(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else
        ctx.out << format_line(r) << "\n";
    return r.online && r.healthy ? 0 : 1;
}

int run_fleet(CliContext& ctx) {
    auto o = parse(ctx.args);
    if (!o.error.empty() || o.positional.size() != 1) {
        ctx.err << "kioskctl fleet: " << (o.error.empty() ? "give one FILE" : o.error)
                << "\nusage: kioskctl fleet FILE [--token T] [--ca FILE] [--json] [--timeout-ms N]\n";
        return 2;
    }
    std::ifstream in(o.positional[0]);
    if (!in) {
        ctx.err << "kioskctl fleet: cannot read " << o.positional[0] << "\n";
        return 2;
    }
    std::vector<FleetEntry> entries;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        FleetEntry e;
        if (!(words >> e.url)) continue;
        if (!(words >> e.token)) e.token = o.token;
        if (std::string extra; words >> extra) {
            ctx.err << "kioskctl fleet: " << o.positional[0] << ":" << line_no
                    << ": expected `URL [TOKEN]`, found more words\n";
            return 2;
        }
        if (e.url.rfind("http://", 0) != 0 && e.url.rfind("https://", 0) != 0) {
            ctx.err << "kioskctl fleet: " << o.positional[0] << ":" << line_no << ": '" << e.url
                    << "' is not an http:// or https:// URL\n";
            return 2;
        }
        entries.push_back(std::move(e));
    }
    const auto http = make_client(o);
    std::vector<KioskReading> readings(entries.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < std::min(kMaxParallel, entries.size()); ++w) {
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < entries.size(); i = next++)
                readings[i] = read_kiosk(http, entries[i].url, entries[i].token);
        });
    }
    for (auto& t : workers)
        t.join();
    bool all_good = true;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& r : readings) {
        all_good = all_good && r.online && r.healthy;
        if (o.json)
            all.push_back(to_json(r));
        else
            ctx.out << format_line(r) << "\n";
    }
    if (o.json) ctx.out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return all_good ? 0 : 1;
}

} // namespace kiosk::cli
