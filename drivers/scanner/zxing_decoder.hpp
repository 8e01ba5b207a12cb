#pragma once
// ZxingDecoder: the real CodeDecoder, ZXing-cpp 1.4 (and ZBar for the last rungs) behind a fixed retry
// ladder. Each rung is one engine call on one view of the frame: the full frame, the framing-guide crop or
// one of the regions the region finder (region_finder.hpp) or an earlier failed ZXing detection pointed at,
// optionally contrast-stretched, locally normalised, rescaled or sharpened, with a chosen binariser. The
// ladder stops at the first read. There is no time budget: the same frame always gets the same rungs and
// the same answer whatever the machine's load (decode_bench proves the cost per frame). It does not track
// codes across frames (the worker does that).

#include "drivers/scanner/code_decoder.hpp"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::scanner {

// region0..2: the n-th candidate region of this frame (a ZXing detection that failed to decode comes first,
// then the region finder's by score); a rung whose region does not exist is skipped.
enum class Region { guide, full, region0, region1, region2 };
// none: the frame's own bytes (no copy); stretch: global contrast stretch; normalize: local mean/spread
// normalisation; down2_normalize: 2x box downscale (denoise) then normalise; blur: 3x3 blur + stretch;
// blur_normalize: 3x3 blur then normalise; up2_sharpen: stretch, 2x upscale, unsharp mask; up2: stretch and
// 2x upscale; up2_normalize: normalise then 2x upscale; blur_up2: 3x3 blur (denoise), stretch, 2x upscale.
// The up2 steps upscale only views of at most 480x480 (small modules live in small regions; a large view is
// used as it is).
enum class Prep {
    none,
    stretch,
    normalize,
    down2,
    down2_normalize,
    up2_sharpen,
    blur,
    blur_normalize,
    sharpen,
    up2,
    up2_normalize,
    blur_up2
};
enum class Binarizer { local_average, global_histogram, fixed_threshold };
enum class Engine { zxing, zbar }; // zbar ignores the binariser and try_harder

struct LadderStep {
    std::string name;
    Region region = Region::guide;
    Prep prep = Prep::none;
    Binarizer binarizer = Binarizer::local_average;
    bool try_harder = false; // ZXing: look harder (more scan lines, downscaled copies); never rotates
    Engine engine = Engine::zxing;
};

// The framing guide the UI draws, as fractions of the frame: codes are looked for there first.
struct GuideRect {
    double x = 0.2, y = 0.1, width = 0.6, height = 0.8;
};

struct DecoderOptions {
    std::string formats = "QRCode,DataMatrix,Code128"; // ZXing names, comma separated; empty = all
    int max_steps = 0; // stop after this many rungs (0 = the whole ladder); a count, never a time
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
