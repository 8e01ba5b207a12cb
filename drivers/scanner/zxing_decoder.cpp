#include "drivers/scanner/zxing_decoder.hpp"

#include "drivers/scanner/image_ops.hpp"

#include <ZXing/ReadBarcode.h>

#include <ctime>
#include <map>
#include <optional>
#include <stdexcept>

namespace kiosk::scanner {

// Order: cheapest and most often successful first (measured with tests/bench/decode_bench.cpp); the
// framing-guide crop is ~40 % of the frame, so crop rungs cost about half of full-frame ones.
std::vector<LadderStep> default_ladder() {
    using B = Binarizer;
    return {
        {"guide", Region::guide, Prep::none, B::local_average, false},
        {"full", Region::full, Prep::none, B::local_average, true},
        {"guide+stretch/global", Region::guide, Prep::stretch, B::global_histogram, true},
        {"guide+down2_normalize/fixed", Region::guide, Prep::down2_normalize, B::fixed_threshold, true},
        {"guide+blur", Region::guide, Prep::blur, B::local_average, true},
        {"guide+blur_normalize/fixed", Region::guide, Prep::blur_normalize, B::fixed_threshold, true},
        {"full+down2_normalize/fixed", Region::full, Prep::down2_normalize, B::fixed_threshold, true},
        {"guide+stretch", Region::guide, Prep::stretch, B::local_average, true},
        {"guide+up2_sharpen", Region::guide, Prep::up2_sharpen, B::local_average, true},
        {"full+blur", Region::full, Prep::blur, B::local_average, true},
    };
}

struct ZxingDecoder::Impl {
    DecoderOptions options;
    ZXing::BarcodeFormats formats;
};

namespace {

// The budget counts this thread's CPU time, not wall time: on a busy machine (or under a debugger) the
// ladder then still does the same work per frame, and the worker's drop-stale-frames rule handles latency.
std::chrono::nanoseconds thread_cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

ZXing::Binarizer to_zxing(Binarizer b) {
    switch (b) {
    case Binarizer::local_average:
        return ZXing::Binarizer::LocalAverage;
    case Binarizer::global_histogram:
        return ZXing::Binarizer::GlobalHistogram;
    case Binarizer::fixed_threshold:
        return ZXing::Binarizer::FixedThreshold;
    }
    return ZXing::Binarizer::LocalAverage;
}

struct Rect {
    int left = 0, top = 0, width = 0, height = 0;
};

Rect region_rect(const Frame& f, Region region, const GuideRect& g) {
    if (region == Region::full) return {0, 0, f.width, f.height};
    Rect r;
    r.left = static_cast<int>(g.x * f.width);
    r.top = static_cast<int>(g.y * f.height);
    r.width = std::min(f.width - r.left, static_cast<int>(g.width * f.width));
    r.height = std::min(f.height - r.top, static_cast<int>(g.height * f.height));
    return r;
}

// One view of the frame as ZXing sees it, plus how to map its coordinates back onto the frame.
struct PreparedView {
    std::optional<GrayImage> image; // empty: view straight into the frame's bytes
    ZXing::ImageView view{nullptr, 0, 0, ZXing::ImageFormat::Lum};
    double scale = 1.0; // frame pixels per view pixel
    Rect rect;
};

// Caches the luma crops and prepared images of one frame so that rungs share work.
class ViewCache {
  public:
    ViewCache(const Frame& frame, const GuideRect& guide) : frame_(frame), guide_(guide) {}

    PreparedView get(Region region, Prep prep) {
        PreparedView pv;
        pv.rect = region_rect(frame_, region, guide_);
        if (prep == Prep::none) {
            // No copy: YUYV luma is every other byte, which ZXing reads with pixel stride 2.
            const int bpp = bytes_per_pixel(frame_.format);
            const std::uint8_t* base =
                frame_.bytes.data() + static_cast<size_t>(pv.rect.top) * frame_.stride + pv.rect.left * bpp;
            if (frame_.format == PixelFormat::rgb24)
                pv.view = ZXing::ImageView(base, pv.rect.width, pv.rect.height, ZXing::ImageFormat::RGB,
                                           frame_.stride);
            else
                pv.view = ZXing::ImageView(base, pv.rect.width, pv.rect.height, ZXing::ImageFormat::Lum,
                                           frame_.stride, bpp);
            return pv;
        }
        const GrayImage& img = prepared(region, prep);
        pv.scale = static_cast<double>(pv.rect.width) / std::max(1, img.width);
        pv.image = img; // small copy keeps the view valid independently of cache growth
        pv.view = ZXing::ImageView(pv.image->pixels.data(), pv.image->width, pv.image->height,
                                   ZXing::ImageFormat::Lum);
        return pv;
    }

  private:
    const GrayImage& luma(Region region) {
        auto key = std::make_pair(region, Prep::none);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        const Rect r = region_rect(frame_, region, guide_);
        return cache_.emplace(key, extract_luma(frame_, r.left, r.top, r.width, r.height)).first->second;
    }

    const GrayImage& prepared(Region region, Prep prep) {
        auto key = std::make_pair(region, prep);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        const GrayImage& src = luma(region);
        GrayImage out;
        switch (prep) {
        case Prep::none:
            return src;
        case Prep::stretch:
            out = ops::stretch_contrast(src);
            break;
        case Prep::normalize:
            out = ops::local_normalize(src, 12);
            break;
        case Prep::down2:
            out = ops::downscale(src, 2);
            break;
        // Radius in the downscaled image: 8 px = 16 frame px, about 3-5 modules.
        case Prep::down2_normalize:
            out = ops::local_normalize(ops::downscale(src, 2), 8, 3);
            break;
        case Prep::up2_sharpen:
            out = ops::sharpen(ops::upscale2(ops::stretch_contrast(src)), 4);
            break;
        case Prep::blur:
            out = ops::stretch_contrast(ops::blur3(src));
            break;
        case Prep::blur_normalize:
            out = ops::local_normalize(ops::blur3(src), 12);
            break;
        case Prep::sharpen:
            out = ops::sharpen(ops::stretch_contrast(src), 4);
            break;
        }
        return cache_.emplace(key, std::move(out)).first->second;
    }

    const Frame& frame_;
    GuideRect guide_;
    std::map<std::pair<Region, Prep>, GrayImage> cache_;
};

} // namespace

ZxingDecoder::ZxingDecoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZxingDecoder::~ZxingDecoder() = default;

const std::vector<LadderStep>& ZxingDecoder::ladder() const {
    return impl_->options.ladder;
}

Result<std::unique_ptr<ZxingDecoder>> ZxingDecoder::create(DecoderOptions options) {
    auto impl = std::make_unique<Impl>();
    try {
        impl->formats = ZXing::BarcodeFormatsFromString(options.formats);
    } catch (const std::exception& e) {
        return make_error("invalid_option", "decoder formats \"" + options.formats + "\": " + e.what());
    }
    const GuideRect& g = options.guide;
    if (g.x < 0 || g.y < 0 || g.width <= 0 || g.height <= 0 || g.x + g.width > 1.0001 ||
        g.y + g.height > 1.0001)
        return make_error("invalid_option", "decoder guide rectangle (" + std::to_string(g.x) + ", " +
                                                std::to_string(g.y) + ", " + std::to_string(g.width) + ", " +
                                                std::to_string(g.height) + ") must lie inside [0, 1]");
    if (options.ladder.empty()) options.ladder = default_ladder();
    impl->options = std::move(options);
    return std::unique_ptr<ZxingDecoder>(new ZxingDecoder(std::move(impl)));
}

Result<DecodeOutcome> ZxingDecoder::decode(const Frame& frame) {
    if (auto st = frame.validate(); !st) return st.error();
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto cpu_start = thread_cpu_now();
    DecodeOutcome outcome;
    ViewCache cache(frame, impl_->options.guide);
    const auto& ladder = impl_->options.ladder;
    for (size_t i = 0; i < ladder.size(); ++i) {
        if (i > 0 && thread_cpu_now() - cpu_start >= impl_->options.budget) {
            outcome.budget_exhausted = true;
            break;
        }
        const LadderStep& step = ladder[i];
        PreparedView pv = cache.get(step.region, step.prep);
        if (pv.view.width() < 16 || pv.view.height() < 16) continue;
        ZXing::DecodeHints hints;
        hints.setFormats(impl_->formats)
            .setTryHarder(step.try_harder)
            .setTryRotate(step.try_harder)
            .setTryDownscale(step.try_harder)
            .setBinarizer(to_zxing(step.binarizer))
            .setMaxNumberOfSymbols(1);
        ++outcome.steps_tried;
        const ZXing::Result r = ZXing::ReadBarcode(pv.view, hints);
        if (!r.isValid()) continue;
        DecodedCode code;
        code.text = r.text();
        code.format = ZXing::ToString(r.format());
        const auto& pos = r.position();
        for (int k = 0; k < 4; ++k)
            code.corners[k] = {pv.rect.left + pos[k].x * pv.scale, pv.rect.top + pos[k].y * pv.scale};
        code.step = step.name;
        code.step_index = static_cast<int>(i);
        outcome.code = std::move(code);
        break;
    }
    outcome.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start);
    return outcome;
}

} // namespace kiosk::scanner
