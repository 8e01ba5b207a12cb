#include "drivers/printer/cups_admin.hpp"

#include "drivers/printer/cups_connection.hpp"

#include <cups/cups.h>

#include <cctype>
#include <memory>

namespace kiosk::printer {
namespace {

using Http = CupsHttp;
using Ipp = CupsIpp;

std::string label(const CupsSinkOptions& o) {
    return cups_server_label(o);
}

// No I/O timeout: listing devices waits for the backends as long as the caller's timeout says.
Result<Http> open(const CupsSinkOptions& o) {
    return connect_cups(o, std::nullopt);
}

std::string attr_text(ipp_attribute_t* a) {
    const char* v = a ? ippGetString(a, 0, nullptr) : nullptr;
    return v ? v : "";
}

// A network backend with nothing found reports its bare scheme ("socket", "ipp") as a device to type an
// address for; only real devices ("usb://...") are kept.
bool is_device(const std::string& uri) {
    return uri.find(':') != std::string::npos;
}

} // namespace

Result<std::vector<CupsDevice>> list_cups_devices(const CupsSinkOptions& server,
                                                  const std::vector<std::string>& schemes, int timeout_s) {
    auto http = open(server);
    if (!http) return http.error();
    // The backends can take their whole timeout: the connection must wait a little longer than they do.
    httpSetTimeout(http->get(), timeout_s + 5.0, nullptr, nullptr);
    ipp_t* req = ippNewRequest(IPP_OP_CUPS_GET_DEVICES);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "timeout", timeout_s);
    if (!schemes.empty()) {
        std::vector<const char*> names;
        for (const auto& s : schemes)
            names.push_back(s.c_str());
        ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "include-schemes", static_cast<int>(names.size()),
                      nullptr, names.data());
    }
    Ipp resp(cupsDoRequest(http->get(), req, "/"));
    if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING)
        return make_error("cups", "listing devices on " + label(server) + ": " + cupsLastErrorString());
    std::vector<CupsDevice> devices;
    CupsDevice current;
    // Devices come as groups of attributes separated by a null attribute.
    for (ipp_attribute_t* a = ippFirstAttribute(resp.get()); a; a = ippNextAttribute(resp.get())) {
        const char* name = ippGetName(a);
        if (!name) {
            if (is_device(current.uri)) devices.push_back(current);
            current = {};
            continue;
        }
        std::string n(name);
        if (n == "device-uri") current.uri = attr_text(a);
        if (n == "device-info") current.info = attr_text(a);
        if (n == "device-make-and-model") current.make_model = attr_text(a);
        if (n == "device-class") current.klass = attr_text(a);
    }
    if (is_device(current.uri)) devices.push_back(current);
    return devices;
}

Status add_raw_cups_queue(const CupsSinkOptions& server, const std::string& name,
                          const std::string& device_uri, const std::string& info) {
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            return make_error("invalid_option",
                              "queue name '" + name + "' may hold only letters, digits, - and _");
    if (name.empty() || device_uri.empty())
        return make_error("invalid_option", "queue name and device are required");
    auto http = open(server);
    if (!http) return http.error();
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/printers/%s",
                     name.c_str());
    ipp_t* req = ippNewRequest(IPP_OP_CUPS_ADD_MODIFY_PRINTER);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "ppd-name", nullptr, "raw");
    ippAddString(req, IPP_TAG_PRINTER, IPP_TAG_URI, "device-uri", nullptr, device_uri.c_str());
    ippAddString(req, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-info", nullptr, info.c_str());
    ippAddString(req, IPP_TAG_PRINTER, IPP_TAG_NAME, "printer-error-policy", nullptr, "abort-job");
    ippAddBoolean(req, IPP_TAG_PRINTER, "printer-is-accepting-jobs", 1);
    ippAddInteger(req, IPP_TAG_PRINTER, IPP_TAG_ENUM, "printer-state", IPP_PSTATE_IDLE);
    Ipp resp(cupsDoRequest(http->get(), req, "/admin/"));
    if (cupsLastError() > IPP_STATUS_OK_CONFLICTING)
        return make_error("cups",
                          "adding queue " + name + " on " + label(server) + ": " + cupsLastErrorString());
    return Ok{};
}

} // namespace kiosk::printer
