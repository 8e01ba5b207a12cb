#pragma once
// CodeDecoder: turns one Frame into the text of the barcode/QR code it shows, if any.
// Implementations: ZxingDecoder (real, with a retry ladder), ZbarDecoder (second engine) and FakeDecoder
// (test double).
// A decoder is used from one thread at a time; it never keeps a reference to the frame.

#include "drivers/scanner/frame.hpp"
#include "kiosk/core/util/result.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace kiosk::scanner {

struct PointF {
    double x = 0;
    double y = 0;
};

struct DecodedCode {
    std::string text;              // UTF-8
    std::string format;            // symbology name, e.g. "QRCode"
    std::array<PointF, 4> corners; // in frame pixels: top-left, top-right, bottom-right, bottom-left
    std::string step;              // which decoding step read it (diagnostics: "guide", "full+stretch", ...)
    int step_index = 0;            // 0-based position of that step in the decoder's ladder
};

struct DecodeOutcome {
    std::optional<DecodedCode> code; // empty: nothing readable in this frame
    int steps_tried = 0;
    // A code was located (ZXing found its finder patterns) but not decoded: blurred, moving or cut off.
    // The scan screen then asks the citizen to hold the receipt still.
    bool code_seen = false;
    std::chrono::microseconds elapsed{0}; // wall time
};

class CodeDecoder {
  public:
    virtual ~CodeDecoder() = default;
    // An error only for an unusable frame (bad size/stride); "no code" is a normal outcome.
    [[nodiscard]] virtual Result<DecodeOutcome> decode(const Frame& frame) = 0;
    [[nodiscard]] virtual std::string name() const = 0;
};

} // namespace kiosk::scanner
