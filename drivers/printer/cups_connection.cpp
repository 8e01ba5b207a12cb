#include "drivers/printer/cups_connection.hpp"

#include <exception>

namespace kiosk::printer {

std::string cups_server_label(const CupsSinkOptions& o) {
    return o.server.empty() ? std::string(cupsServer()) : o.server;
}

Result<CupsHttp> connect_cups(const CupsSinkOptions& o, std::optional<int> io_timeout_ms) {
    std::string host = cups_server_label(o);
    int port = ippPort();
    if (!host.empty() && host[0] != '/') {
        if (const auto colon = host.rfind(':'); colon != std::string::npos) {
            try {
                port = std::stoi(host.substr(colon + 1));
            } catch (const std::exception&) {
                return make_error("invalid_option", "CUPS server '" + o.server + "' has a bad port");
            }
            host.resize(colon);
        }
    }
    http_t* h = httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                             o.connect_timeout_ms, nullptr);
    if (!h)
        return make_error("service_down",
                          "cannot connect to CUPS at " + cups_server_label(o) + ": " + cupsLastErrorString());
    if (io_timeout_ms) httpSetTimeout(h, *io_timeout_ms / 1000.0, nullptr, nullptr);
    return CupsHttp(h);
}

} // namespace kiosk::printer
