#pragma once
// ZbarDecoder: a CodeDecoder on libzbar (a second engine with its own binariser and QR detector). Used as
// the last rungs of ZxingDecoder's ladder (read_gray on a prepared crop) and on its own in decode_bench.
// It reads QR codes and Code 128 only (the formats the kiosk asks for that ZBar supports); it does not
// retry, rescale or crop by itself.

#include "drivers/scanner/code_decoder.hpp"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::scanner {

class ZbarDecoder final : public CodeDecoder {
  public:
    // formats: the ZXing-style list ("QRCode,Code128,..."); names ZBar lacks are ignored, empty = QR + 128.
    explicit ZbarDecoder(const std::string& formats = "QRCode,Code128");
    ~ZbarDecoder() override;
    ZbarDecoder(const ZbarDecoder&) = delete;
    ZbarDecoder& operator=(const ZbarDecoder&) = delete;

    [[nodiscard]] Result<DecodeOutcome> decode(const Frame& frame) override;
    [[nodiscard]] std::string name() const override { return "zbar"; }
    // One ZBar pass over a packed luma image; corners in that image's pixels.
    [[nodiscard]] std::optional<DecodedCode> read_gray(const GrayImage& image);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::scanner
