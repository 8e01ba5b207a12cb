#include "kiosk/cli/cmd_printers.hpp"

#include "drivers/printer/cups_sink.hpp"
#include "drivers/printer/png_sink.hpp"
#include "drivers/printer/ticket_renderer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <ostream>

namespace kiosk::cli {

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) {
        if (!s.empty()) s += ',';
        s += x;
    }
    return s.empty() ? "none" : s;
}

// Reads "--flag VALUE"; false on a missing value.
bool take_value(const std::vector<std::string>& args, size_t& i, std::string& out) {
    if (i + 1 >= args.size()) return false;
    out = args[++i];
    return true;
}

std::string local_time(const char* format) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

ticket::TicketLayout sample_ticket(const CliContext& ctx, i18n::Lang lang) {
    const auto& c = ctx.config;
    const auto& t = ctx.translator;
    const bool vi = lang == i18n::Lang::vi;
    ticket::TicketLayout l;
    l.office_name = vi ? c.office.name_vi : c.office.name_en;
    l.office_subtitle = vi ? c.office.subtitle_vi : c.office.subtitle_en;
    l.service_name = t.tr("printer.sample.service", lang);
    l.number_text = "A000";
    l.issued_text = t.format("printer.ticket.issued", lang, {local_time("%H:%M – %d/%m/%Y")});
    l.people_ahead_text = t.format("printer.ticket.people_ahead", lang, {"0"});
    l.counters_text = t.format("printer.ticket.counters", lang, {"1"});
    l.qr_payload = "TEST-" + c.office.kiosk_id + "-" + local_time("%Y%m%d%H%M%S");
    l.qr_caption = t.format("printer.ticket.qr_caption", lang, {l.qr_payload});
    l.footer = t.tr("printer.sample.footer", lang);
    return l;
}

} // namespace

int run_printers(CliContext& ctx) {
    bool json = false;
    printer::CupsSinkOptions options;
    options.server = ctx.root.plan().printer.cups_server; // the configured CUPS server unless --server
    for (size_t i = 0; i < ctx.args.size(); ++i) {
        const auto& a = ctx.args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--server" && take_value(ctx.args, i, options.server)) {
        } else {
            ctx.err << "usage: kioskctl printers [--json] [--server HOST:PORT|/SOCKET]\n";
            return 2;
        }
    }
    const auto list = printer::list_cups_destinations(options);
    const std::string configured = ctx.config.printer.cups_destination;
    if (!list) {
        if (json)
            ctx.out << nlohmann::json{{"ok", false},
                                      {"fault", list.error().kind},
                                      {"detail", list.error().message}}
                           .dump()
                    << "\n";
        else
            ctx.err << "CUPS: " << list.error().message << "\n";
        return 1;
    }
    if (json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& d : list.value())
            arr.push_back({{"name", d.name},
                           {"info", d.info},
                           {"device_uri", d.device_uri},
                           {"state", d.state},
                           {"accepting", d.accepting},
                           {"reasons", d.reasons},
                           {"message", d.message},
                           {"fault", printer::fault_code(d.fault)},
                           {"configured", d.name == configured}});
        ctx.out << nlohmann::json{{"ok", true}, {"configured", configured}, {"destinations", arr}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
        return 0;
    }
    if (list->empty()) ctx.out << "no CUPS destinations\n";
    for (const auto& d : list.value()) {
        ctx.out << (d.name == configured ? "* " : "  ") << d.name << "  state=" << d.state
                << (d.accepting ? "" : " (rejecting jobs)") << "  reasons=" << join(d.reasons)
                << "  fault=" << printer::fault_code(d.fault);
        if (!d.device_uri.empty()) ctx.out << "  device=" << d.device_uri;
        if (!d.message.empty()) ctx.out << "  message=\"" << d.message << "\"";
        ctx.out << "\n";
    }
    return 0;
}

int run_print_test(CliContext& ctx) {
    const auto& pc = ctx.config.printer;
    std::string png_dir, cups_dest, server, paper_text = std::to_string(pc.paper_mm);
    bool json = false;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
        const auto& a = ctx.args[i];
        const bool ok = a == "--json"     ? (json = true)
                        : a == "--png"    ? take_value(ctx.args, i, png_dir)
                        : a == "--cups"   ? take_value(ctx.args, i, cups_dest)
                        : a == "--paper"  ? take_value(ctx.args, i, paper_text)
                        : a == "--server" ? take_value(ctx.args, i, server)
                                          : false;
        if (!ok) {
            ctx.err << "usage: kioskctl print-test [--png DIR | --cups DEST] [--paper 80|58] [--server S] "
                       "[--json]\n";
            return 2;
        }
    }
    const auto paper = printer::paper_from_mm(std::atoi(paper_text.c_str()));
    if (!paper || (!png_dir.empty() && !cups_dest.empty())) {
        ctx.err << "print-test: --paper must be 80 or 58, and --png and --cups exclude each other\n";
        return 2;
    }
    i18n::Lang lang = i18n::Lang::vi;
    (void)i18n::parse_lang(ctx.config.ui.language, lang);
    printer::PrintOutcome out;
    std::string sink_name;
    const auto t0 = std::chrono::steady_clock::now();
    const bool as_configured =
        png_dir.empty() && cups_dest.empty() && server.empty() && printer::paper_mm(*paper) == pc.paper_mm;
    if (as_configured) {
        // The kiosk's own printer, exactly as the composition root builds it for the kiosk.
        auto configured = ctx.root.printer();
        if (!configured) {
            ctx.err << "print-test: " << configured.error().message << "\n";
            return 1;
        }
        out = configured.value()->print(sample_ticket(ctx, lang), "print-test");
        sink_name = configured.value()->describe();
    } else {
        // A one-off sink named on the command line (another queue, a PNG folder, the other paper width).
        auto fonts = printer::FontSet::load_from_assets(ctx.root.plan().paths.assets);
        if (!fonts) {
            ctx.err << "print-test: " << fonts.error().message << "\n";
            return 1;
        }
        auto raster = printer::render_ticket(sample_ticket(ctx, lang), *paper, fonts.value());
        if (!raster) {
            ctx.err << "print-test: " << raster.error().message << "\n";
            return 1;
        }
        std::unique_ptr<printer::TicketSink> sink;
        if (!cups_dest.empty() || (png_dir.empty() && pc.sink == "cups")) {
            printer::CupsSinkOptions o;
            o.server = server.empty() ? pc.cups_server : server;
            o.destination = cups_dest.empty() ? pc.cups_destination : cups_dest;
            o.job_timeout_ms = pc.job_timeout_s * 1000;
            sink = std::make_unique<printer::CupsSink>(o);
        } else {
            if (png_dir.empty()) png_dir = ctx.root.plan().printer.png_dir.string();
            sink = std::make_unique<printer::PngSink>(printer::PngSinkOptions{png_dir});
        }
        out = sink->print({raster.value(), "print-test"});
        sink_name = sink->describe();
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const std::string staff(ctx.translator.tr(printer::fault_staff_key(out.fault), lang));
    if (json) {
        ctx.out << nlohmann::json{{"ok", out.ok()},
                                  {"sink", sink_name},
                                  {"paper_mm", printer::paper_mm(*paper)},
                                  {"fault", printer::fault_code(out.fault)},
                                  {"message", staff},
                                  {"detail", out.detail},
                                  {"location", out.location},
                                  {"ms", ms}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else if (out.ok()) {
        ctx.out << "printed " << printer::paper_mm(*paper) << " mm test ticket to " << out.location << " ("
                << static_cast<int>(ms) << " ms)\n";
    } else {
        ctx.err << "print-test failed on " << sink_name << ": " << printer::fault_code(out.fault) << "\n"
                << staff << "\ndetail: " << out.detail << "\n";
    }
    return out.ok() ? 0 : 1;
}

} // namespace kiosk::cli
