// CupsSink: IPP requests through libcups, one short-lived connection per operation.
#include "drivers/printer/cups_sink.hpp"

#include "drivers/printer/cups_connection.hpp"

#include <cups/cups.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <chrono>
#include <memory>
#include <thread>

namespace kiosk::printer {

namespace {

using HttpPtr = CupsHttp;
using IppPtr = CupsIpp;

std::string server_label(const CupsSinkOptions& o) {
    return cups_server_label(o);
}

Result<HttpPtr> connect(const CupsSinkOptions& o) {
    return connect_cups(o, o.io_timeout_ms);
}

Fault fault_from_ipp(ipp_status_t st) {
    if (st == IPP_STATUS_ERROR_NOT_FOUND) return Fault::printer_missing;
    if (st == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS) return Fault::not_accepting;
    if (st == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || st >= IPP_STATUS_ERROR_INTERNAL)
        return Fault::service_down;
    return Fault::job_failed;
}

std::string last_error() {
    return std::string(ippErrorString(cupsLastError())) + ": " + cupsLastErrorString();
}

ipp_t* printer_request(ipp_op_t op, const std::string& dest) {
    ipp_t* req = ippNewRequest(op);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/printers/%s",
                     dest.c_str());
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    return req;
}

constexpr const char* printer_attrs[] = {"printer-name",
                                         "printer-info",
                                         "device-uri",
                                         "printer-state",
                                         "printer-state-reasons",
                                         "printer-state-message",
                                         "printer-is-accepting-jobs"};

std::string state_name(int state) {
    switch (state) {
    case IPP_PSTATE_IDLE:
        return "idle";
    case IPP_PSTATE_PROCESSING:
        return "processing";
    case IPP_PSTATE_STOPPED:
        return "stopped";
    default:
        return "unknown(" + std::to_string(state) + ")";
    }
}

// Printer groups in an IPP response, in order.
std::vector<CupsDestination> parse_printers(ipp_t* resp) {
    std::vector<CupsDestination> out;
    CupsDestination cur;
    CupsPrinterState st;
    bool open = false;
    auto close = [&] {
        if (!open) return;
        cur.state = state_name(st.state);
        st.reasons = cur.reasons;
        cur.fault = classify(st);
        out.push_back(std::move(cur));
        cur = {};
        st = {};
        open = false;
    };
    for (ipp_attribute_t* a = ippFirstAttribute(resp); a; a = ippNextAttribute(resp)) {
        const char* name = ippGetName(a);
        if (ippGetGroupTag(a) != IPP_TAG_PRINTER || !name) {
            close();
            continue;
        }
        open = true;
        const std::string n = name;
        const char* text = ippGetString(a, 0, nullptr);
        if (n == "printer-name" && text)
            cur.name = text;
        else if (n == "printer-info" && text)
            cur.info = text;
        else if (n == "device-uri" && text)
            cur.device_uri = text;
        else if (n == "printer-state-message" && text)
            cur.message = text;
        else if (n == "printer-state")
            st.state = ippGetInteger(a, 0);
        else if (n == "printer-is-accepting-jobs")
            cur.accepting = st.accepting = ippGetBoolean(a, 0) != 0;
        else if (n == "printer-state-reasons") {
            for (int i = 0; i < ippGetCount(a); ++i)
                if (const char* r = ippGetString(a, i, nullptr); r && std::string_view(r) != "none")
                    cur.reasons.emplace_back(r);
        }
    }
    close();
    return out;
}

struct Looked {
    Fault fault = Fault::none; // lookup failure (missing, service down), not the printer's own fault
    std::string detail;
    CupsDestination dest;
};

Looked look_up(http_t* http, const CupsSinkOptions& o) {
    ipp_t* req = printer_request(IPP_OP_GET_PRINTER_ATTRIBUTES, o.destination);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(printer_attrs)), nullptr, printer_attrs);
    IppPtr resp(cupsDoRequest(http, req, "/"));
    const ipp_status_t st = cupsLastError();
    if (!resp || st > IPP_STATUS_OK_CONFLICTING)
        return {fault_from_ipp(st),
                "printer '" + o.destination + "' on " + server_label(o) + ": " + last_error(),
                {}};
    auto printers = parse_printers(resp.get());
    if (printers.empty())
        return {Fault::printer_missing, "no attributes for printer '" + o.destination + "'", {}};
    return {Fault::none, "", std::move(printers.front())};
}

std::string describe_printer(const CupsDestination& d) {
    std::string s = "printer '" + d.name + "' state=" + d.state + " reasons=";
    for (size_t i = 0; i < d.reasons.size(); ++i) {
        if (i) s += ',';
        s += d.reasons[i];
    }
    if (d.reasons.empty()) s += "none";
    if (!d.accepting) s += " not-accepting";
    if (!d.message.empty()) s += " message=\"" + d.message + "\"";
    return s;
}

struct JobState {
    int state = 0;
    std::string reasons;
    std::string message;
};

ipp_t* job_request(ipp_op_t op, int job_id) {
    ipp_t* req = ippNewRequest(op);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/jobs/%d",
                     job_id);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    return req;
}

Result<JobState> job_state(http_t* http, int job_id) {
    ipp_t* req = job_request(IPP_OP_GET_JOB_ATTRIBUTES, job_id);
    static constexpr const char* attrs[] = {"job-state", "job-state-reasons", "job-printer-state-message"};
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr, attrs);
    IppPtr resp(cupsDoRequest(http, req, "/"));
    if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING)
        return make_error(std::string(fault_code(fault_from_ipp(cupsLastError()))),
                          "job " + std::to_string(job_id) + ": " + last_error());
    JobState js;
    if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "job-state", IPP_TAG_ENUM))
        js.state = ippGetInteger(a, 0);
    if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "job-state-reasons", IPP_TAG_KEYWORD))
        for (int i = 0; i < ippGetCount(a); ++i) {
            if (i) js.reasons += ',';
            if (const char* r = ippGetString(a, i, nullptr)) js.reasons += r;
        }
    if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "job-printer-state-message", IPP_TAG_TEXT))
        if (const char* m = ippGetString(a, 0, nullptr)) js.message = m;
    return js;
}

std::string describe_job(int id, const JobState& js) {
    static constexpr const char* names[] = {"pending",  "held",    "processing", "stopped",
                                            "canceled", "aborted", "completed"};
    const std::string state = js.state >= 3 && js.state <= 9 ? names[js.state - 3] : std::to_string(js.state);
    std::string s = "job " + std::to_string(id) + " " + state + " reasons=" + js.reasons;
    if (!js.message.empty()) s += " message=\"" + js.message + "\"";
    return s;
}

void cancel_job(http_t* http, int job_id) {
    IppPtr resp(cupsDoRequest(http, job_request(IPP_OP_CANCEL_JOB, job_id), "/jobs/"));
}

} // namespace

Result<std::vector<CupsDestination>> list_cups_destinations(const CupsSinkOptions& options) {
    auto http = connect(options);
    if (!http) return http.error();
    ipp_t* req = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(printer_attrs)), nullptr, printer_attrs);
    IppPtr resp(cupsDoRequest(http->get(), req, "/"));
    const ipp_status_t st = cupsLastError();
    // CUPS answers client-error-not-found when there are no printers at all.
    if (st == IPP_STATUS_ERROR_NOT_FOUND) return std::vector<CupsDestination>{};
    if (!resp || st > IPP_STATUS_OK_CONFLICTING)
        return make_error(std::string(fault_code(fault_from_ipp(st))),
                          "listing printers on " + server_label(options) + ": " + last_error());
    return parse_printers(resp.get());
}

CupsSink::CupsSink(CupsSinkOptions options) : options_(std::move(options)) {}

std::string CupsSink::describe() const {
    return "cups:" + options_.destination + "@" + server_label(options_);
}

PrinterStatus CupsSink::status() {
    auto http = connect(options_);
    if (!http) return {Fault::service_down, "unreachable", {}, http.error().message};
    Looked l = look_up(http->get(), options_);
    if (l.fault != Fault::none)
        return {l.fault, l.fault == Fault::printer_missing ? "missing" : "unreachable", {}, l.detail};
    return {l.dest.fault, l.dest.state, l.dest.reasons, l.dest.message};
}

PrintOutcome CupsSink::submit(const PrintJob& job, int& job_id) {
    job_id = 0;
    if (job.raster.width() <= 0 || job.raster.height() <= 0) return {Fault::invalid_job, "empty raster", ""};
    auto http = connect(options_);
    if (!http) return {Fault::service_down, http.error().message, ""};
    Looked l = look_up(http->get(), options_);
    if (l.fault != Fault::none) return {l.fault, l.detail, ""};
    if (l.dest.fault != Fault::none) return {l.dest.fault, describe_printer(l.dest), ""};

    // One Print-Job request (not cupsCreateJob, which looks the queue up on the default server).
    const auto bytes = encode_escpos(job.raster, options_.escpos);
    const std::string title = job.title.empty() ? "ticket" : job.title;
    const std::string resource = "/printers/" + options_.destination;
    IppPtr req(printer_request(IPP_OP_PRINT_JOB, options_.destination));
    ippAddString(req.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr, title.c_str());
    ippAddString(req.get(), IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr, CUPS_FORMAT_RAW);
    // cupsDoIORequest streams the document from a file descriptor; an in-memory file avoids touching disk.
    const int fd = ::memfd_create("kiosk-ticket", MFD_CLOEXEC);
    if (fd < 0) return {Fault::io_error, std::string("memfd_create: ") + std::strerror(errno), ""};
    const bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
                         ::lseek(fd, 0, SEEK_SET) == 0;
    IppPtr resp(written ? cupsDoIORequest(http->get(), req.release(), resource.c_str(), fd, -1) : nullptr);
    ::close(fd);
    if (!written) return {Fault::io_error, "cannot buffer " + std::to_string(bytes.size()) + " bytes", ""};
    ipp_attribute_t* id_attr = resp ? ippFindAttribute(resp.get(), "job-id", IPP_TAG_INTEGER) : nullptr;
    if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING || !id_attr)
        return {fault_from_ipp(cupsLastError()),
                "print job on '" + options_.destination + "': " + last_error(), ""};
    job_id = ippGetInteger(id_attr, 0);
    return {Fault::none, "", options_.destination + "#" + std::to_string(job_id)};
}

PrintOutcome CupsSink::follow(int job_id) {
    const std::string location = options_.destination + "#" + std::to_string(job_id);
    auto http = connect(options_);
    if (!http) return {Fault::service_down, http.error().message, location};
    auto cancel = [&](Fault fault, std::string detail) {
        cancel_job(http->get(), job_id);
        return PrintOutcome{fault, std::move(detail), location};
    };
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(options_.job_timeout_ms);
    const int poll_ms = std::max(1, options_.poll_interval_ms);
    const long max_polls = options_.job_timeout_ms / poll_ms + 2;
    JobState last;
    for (long n = 0; n < max_polls; ++n) {
        auto js = job_state(http->get(), job_id);
        if (!js)
            return {fault_from_code(js.error().kind).value_or(Fault::job_failed), js.error().message,
                    location};
        last = js.value();
        switch (last.state) {
        case IPP_JSTATE_COMPLETED:
            return {Fault::none, "", location};
        case IPP_JSTATE_CANCELED:
        case IPP_JSTATE_ABORTED:
            return {Fault::job_failed, describe_job(job_id, last), location};
        case IPP_JSTATE_HELD:
            return cancel(Fault::job_failed, describe_job(job_id, last));
        case IPP_JSTATE_PENDING:
        case IPP_JSTATE_STOPPED: {
            // Waiting behind a printer that stopped or reports a fault: say which, do not wait out the
            // timeout.
            Looked l = look_up(http->get(), options_);
            if (l.fault != Fault::none) return {l.fault, l.detail, location};
            if (l.dest.fault != Fault::none)
                return cancel(l.dest.fault, describe_printer(l.dest) + "; " + describe_job(job_id, last));
            break;
        }
        default:
            break;
        }
        if (clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
    }
    return cancel(Fault::job_stuck, "not finished after " + std::to_string(options_.job_timeout_ms) +
                                        " ms: " + describe_job(job_id, last));
}

PrintOutcome CupsSink::print(const PrintJob& job) {
    int id = 0;
    PrintOutcome out = submit(job, id);
    if (!out.ok()) return out;
    return follow(id);
}

} // namespace kiosk::printer
