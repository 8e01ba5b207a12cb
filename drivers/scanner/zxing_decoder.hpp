#pragma once
// ZxingDecoder: the real CodeDecoder, ZXing-cpp 1.4 behind a retry ladder. Each rung is one ZXing call on
// one view of the frame (framing-guide crop or full frame, optionally contrast-stretched, locally
// normalised, rescaled or sharpened, with a chosen binariser). The ladder stops at the first read and
// when the frame's time budget is spent. It does not track codes across frames (the worker does that).

#include "drivers/scanner/code_decoder.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::scanner {

enum class Region { guide, full };
// none: the frame's own bytes (no copy); stretch: global contrast stretch; normalize: local mean/spread
// normalisation; down2_normalize: 2x box downscale (denoise) then normalise; blur: 3x3 blur + stretch;
// blur_normalize: 3x3 blur then normalise; up2_sharpen: stretch, 2x upscale, unsharp mask.
enum class Prep {
    none,
    stretch,
    normalize,
    down2,
    down2_normalize,
    up2_sharpen,
    blur,
    blur_normalize,
    sharpen
};
enum class Binarizer { local_average, global_histogram, fixed_threshold };

struct LadderStep {
    std::string name;
    Region region = Region::guide;
    Prep prep = Prep::none;
    Binarizer binarizer = Binarizer::local_average;
    bool try_harder = false;
};

// The framing guide the UI draws, as fractions of the frame: codes are looked for there first.
struct GuideRect {
    double x = 0.2, y = 0.1, width = 0.6, height = 0.8;
};

struct DecoderOptions {
    std::string formats = "QRCode,DataMatrix,Code128"; // ZXing names, comma separated; empty = all
    std::chrono::milliseconds budget{80};              // CPU time per frame; at least one rung always runs
    GuideRect guide;
    std::vector<LadderStep> ladder; // empty = default_ladder()
};

[[nodiscard]] std::vector<LadderStep> default_ladder();

class ZxingDecoder final : public CodeDecoder {
  public:
    // Fails on an unknown format name or a guide outside [0, 1].
    [[nodiscard]] static Result<std::unique_ptr<ZxingDecoder>> create(DecoderOptions options);
    ~ZxingDecoder() override;

    [[nodiscard]] Result<DecodeOutcome> decode(const Frame& frame) override;
    [[nodiscard]] std::string name() const override { return "zxing-ladder"; }
    [[nodiscard]] const std::vector<LadderStep>& ladder() const;

  private:
    struct Impl;
    explicit ZxingDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::scanner
