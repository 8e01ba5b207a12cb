#pragma once
// PngSink: "prints" a ticket by writing its raster as a PNG file into a directory – the embedded default
// for demos and previews, and what tests look at. A reprint never overwrites an earlier file.
// It does not encode ESC/POS and has no paper to run out of; an unwritable directory is its only fault.

#include "drivers/printer/ticket_sink.hpp"

#include <filesystem>

namespace kiosk::printer {

struct PngSinkOptions {
    std::filesystem::path dir; // created if missing
};

class PngSink final : public TicketSink {
  public:
    explicit PngSink(PngSinkOptions options);
    [[nodiscard]] PrintOutcome print(const PrintJob& job) override;
    [[nodiscard]] PrinterStatus status() override;
    [[nodiscard]] std::string describe() const override;

  private:
    PngSinkOptions options_;
};

// A file-name-safe form of a ticket title: [A-Za-z0-9._-] kept, everything else '_', "ticket" when empty.
[[nodiscard]] std::string safe_file_stem(std::string_view title);

} // namespace kiosk::printer
