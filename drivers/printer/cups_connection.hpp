#pragma once
// One connection to a CUPS server for the sink (printing, state checks) and the admin calls (add a queue,
// list devices): `CupsSinkOptions::server` is "", "host", "host:port" or a socket path; empty = cupsServer().
// Private to drivers/printer (includes <cups/cups.h>); it does not retry.

#include "drivers/printer/cups_sink.hpp"
#include "kiosk/core/util/result.hpp"

#include <cups/cups.h>

#include <memory>
#include <optional>
#include <string>

namespace kiosk::printer {

struct CupsHttpClose {
    void operator()(http_t* h) const { httpClose(h); }
};
struct CupsIppDelete {
    void operator()(ipp_t* p) const { ippDelete(p); }
};
using CupsHttp = std::unique_ptr<http_t, CupsHttpClose>;
using CupsIpp = std::unique_ptr<ipp_t, CupsIppDelete>;

// The server as staff wrote it, or the CUPS default ("localhost", "/run/cups/cups.sock").
[[nodiscard]] std::string cups_server_label(const CupsSinkOptions& o);

// Connects within o.connect_timeout_ms; `io_timeout_ms` bounds each later read/write when given (the device
// listing runs for its own timeout and passes none). Errors: "invalid_option" (bad port), "service_down".
[[nodiscard]] Result<CupsHttp> connect_cups(const CupsSinkOptions& o, std::optional<int> io_timeout_ms);

} // namespace kiosk::printer
