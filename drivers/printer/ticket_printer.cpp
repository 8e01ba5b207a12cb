#include "drivers/printer/ticket_printer.hpp"

namespace kiosk::printer {

Result<std::unique_ptr<TicketPrinter>> TicketPrinter::open(const std::filesystem::path& assets_dir,
                                                           std::unique_ptr<TicketSink> sink,
                                                           PaperWidth paper) {
    // The fonts are parsed on the first print (on a worker): an idle kiosk does not hold them twice.
    std::error_code ec;
    for (const char* face : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"})
        if (!std::filesystem::exists(assets_dir / "fonts" / face, ec))
            return make_error("font_missing",
                              "ticket font " + (assets_dir / "fonts" / face).string() + " is missing");
    return std::unique_ptr<TicketPrinter>(new TicketPrinter(assets_dir, std::move(sink), paper));
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
