#pragma once
// The kiosk's printer: turns a TicketLayout into a raster for the configured paper and sends it to the
// configured sink (PNG files by default, a CUPS raw queue in deployment). Blocking: call it from a worker,
// never from the UI thread. One instance per kiosk; calls are serialised inside.

#include "drivers/printer/font_set.hpp"
#include "drivers/printer/ticket_renderer.hpp"
#include "drivers/printer/ticket_sink.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

namespace kiosk::printer {

class TicketPrinter {
  public:
    // Loads the fonts and opens the sink; the error names what is missing.
    [[nodiscard]] static Result<std::unique_ptr<TicketPrinter>> open(const config::Config& config,
                                                                     const std::filesystem::path& assets_dir,
                                                                     const std::filesystem::path& state_dir);

    [[nodiscard]] PrintOutcome print(const ticket::TicketLayout& layout, const std::string& title);
    [[nodiscard]] PrinterStatus status();
    [[nodiscard]] std::string describe() const { return sink_->describe(); }

  private:
    TicketPrinter(std::filesystem::path assets_dir, std::unique_ptr<TicketSink> sink, PaperWidth paper)
        : assets_dir_(std::move(assets_dir)), sink_(std::move(sink)), paper_(paper) {}

    std::mutex mutex_;
    std::filesystem::path assets_dir_;
    std::optional<FontSet> fonts_; // parsed on the first print
    std::unique_ptr<TicketSink> sink_;
    PaperWidth paper_;
};

} // namespace kiosk::printer
