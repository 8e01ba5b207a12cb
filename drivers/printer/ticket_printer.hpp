#pragma once
// The kiosk's printer: turns a TicketLayout into a raster for the chosen paper and sends it to a sink (PNG
// files by default, a CUPS raw queue in deployment). Blocking: call it from a worker, never from the UI
// thread. Calls are serialised inside. The composition root (kiosk/runtime) decides which sink and paper.

#include "drivers/printer/font_set.hpp"
#include "drivers/printer/layout_printer.hpp"
#include "drivers/printer/ticket_renderer.hpp"
#include "drivers/printer/ticket_sink.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

namespace kiosk::printer {

class TicketPrinter final : public LayoutPrinter {
  public:
    // Checks that the ticket fonts exist (they are parsed on the first print); the error names what is
    // missing.
    [[nodiscard]] static Result<std::unique_ptr<TicketPrinter>>
    open(const std::filesystem::path& assets_dir, std::unique_ptr<TicketSink> sink, PaperWidth paper);

    [[nodiscard]] PrintOutcome print(const ticket::TicketLayout& layout, const std::string& title) override;
    [[nodiscard]] PrinterStatus status() override;
    [[nodiscard]] std::string describe() const override { return sink_->describe(); }

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
