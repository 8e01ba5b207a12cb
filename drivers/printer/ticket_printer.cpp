#include "drivers/printer/ticket_printer.hpp"

#include "drivers/printer/cups_sink.hpp"
#include "drivers/printer/png_sink.hpp"

namespace kiosk::printer {

Result<std::unique_ptr<TicketPrinter>> TicketPrinter::open(const config::Config& config,
                                                           const std::filesystem::path& assets_dir,
                                                           const std::filesystem::path& state_dir) {
    // The fonts are parsed on the first print (on a worker): an idle kiosk does not hold them twice.
    std::error_code ec;
    for (const char* face : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"})
        if (!std::filesystem::exists(assets_dir / "fonts" / face, ec))
            return make_error("font_missing",
                              "ticket font " + (assets_dir / "fonts" / face).string() + " is missing");
    auto paper = paper_from_mm(config.printer.paper_mm);
    if (!paper) return make_error("invalid_config", "printer.paper_mm must be 58 or 80");
    std::unique_ptr<TicketSink> sink;
    if (config.printer.sink == "cups") {
        CupsSinkOptions options;
        options.server = config.printer.cups_server;
        options.destination = config.printer.cups_destination;
        options.job_timeout_ms = config.printer.job_timeout_s * 1000;
        sink = std::make_unique<CupsSink>(options);
    } else {
        auto dir = config.printer.png_dir.empty() ? state_dir / "tickets"
                                                  : std::filesystem::path(config.printer.png_dir);
        sink = std::make_unique<PngSink>(PngSinkOptions{dir});
    }
    return std::unique_ptr<TicketPrinter>(new TicketPrinter(assets_dir, std::move(sink), *paper));
}

PrintOutcome TicketPrinter::print(const ticket::TicketLayout& layout, const std::string& title) {
    std::lock_guard lock(mutex_);
    if (!fonts_) {
        auto fonts = FontSet::load_from_assets(assets_dir_);
        if (!fonts) return {Fault::invalid_job, fonts.error().message, {}};
        fonts_.emplace(std::move(fonts.value()));
    }
    auto raster = render_ticket(layout, paper_, *fonts_);
    if (!raster) return {Fault::invalid_job, raster.error().message, {}};
    return sink_->print({std::move(raster.value()), title});
}

PrinterStatus TicketPrinter::status() {
    std::lock_guard lock(mutex_);
    return sink_->status();
}

} // namespace kiosk::printer
