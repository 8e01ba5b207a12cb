#include "kiosk/cli/cmd_printers.hpp"

#include "drivers/printer/cups_sink.hpp"
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
    // The flags name a one-off printer (another queue, a PNG folder, the other paper width); it is built by
    // the composition root like the configured one, from the configuration with those settings changed.
    auto adjusted = std::make_shared<config::Config>(ctx.config);
    auto& p = adjusted->printer;
    p.paper_mm = printer::paper_mm(*paper);
    if (!cups_dest.empty()) p.sink = "cups", p.cups_destination = cups_dest;
    if (!png_dir.empty()) p.sink = "png", p.png_dir = png_dir;
    if (!server.empty()) p.cups_server = server;
    const runtime::CompositionRoot one_off(adjusted, ctx.root.plan().paths.state);
    const auto& root = one_off.plan().printer == ctx.root.plan().printer ? ctx.root : one_off;
    auto made = root.printer();
    if (!made) {
        ctx.err << "print-test: " << made.error().message << "\n";
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const printer::PrintOutcome out = made.value()->print(sample_ticket(ctx, lang), "print-test");
    const std::string sink_name = made.value()->describe();
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
