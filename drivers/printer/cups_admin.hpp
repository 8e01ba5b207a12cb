#pragma once
// Setting up the ticket printer from the kiosk's set-up screen, through the CUPS API (no lpadmin):
// find the printers attached to this machine (CUPS-Get-Devices, e.g. "usb://..." from the usb backend) and
// add one as a raw queue (CUPS-Add-Modify-Printer: device-uri, ppd-name "raw", error policy abort-job,
// enabled and accepting), which is what deploy/add-printer.sh does with lpadmin. Blocking: call it on a
// worker. It does not print or choose the kiosk's printer (that is the configuration).

#include "drivers/printer/cups_sink.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>
#include <vector>

namespace kiosk::printer {

struct CupsDevice {
    std::string uri;  // device-uri, e.g. "usb://EPSON/TM-T20III?serial=..."
    std::string info; // device-info (make and model as the backend reports it)
    std::string make_model;
    std::string klass; // device-class: "direct" (USB, parallel) or "network"
};

// Devices the CUPS backends find, limited to `schemes` (e.g. {"usb"}); empty: every scheme. Bounded by
// `timeout_s` (the backends probe hardware). Bare schemes (a network backend's "type an address" entry) are
// left out.
[[nodiscard]] Result<std::vector<CupsDevice>>
list_cups_devices(const CupsSinkOptions& server, const std::vector<std::string>& schemes, int timeout_s = 5);

// Adds (or changes) queue `name` as a raw queue to `device_uri`, enabled, accepting, abort-job on errors.
[[nodiscard]] Status add_raw_cups_queue(const CupsSinkOptions& server, const std::string& name,
                                        const std::string& device_uri, const std::string& info);

} // namespace kiosk::printer
