#pragma once
// Image steps the decoder's retry ladder applies to a luma image before handing it to ZXing:
// scaling, global contrast stretch, local (CLAHE-like) normalisation, sharpening and smoothing.
// Pure functions on GrayImage; no allocation beyond the returned image, no threads, no I/O.

#include "drivers/scanner/frame.hpp"

namespace kiosk::scanner::ops {

// Box-filter downscale by an integer factor (>= 1): averages factor x factor blocks (also removes noise).
[[nodiscard]] GrayImage downscale(const GrayImage& in, int factor);
// Bilinear 2x upscale: gives small (2-3 px) modules room for ZXing's sampling grid.
[[nodiscard]] GrayImage upscale2(const GrayImage& in);
// Maps the [low, high] percentile range of the histogram onto [0, 255].
[[nodiscard]] GrayImage stretch_contrast(const GrayImage& in, double low_fraction = 0.01,
                                         double high_fraction = 0.99);
// Subtracts the local mean and divides by the local spread (window 2*radius+1), then re-centres at 128.
// Evens out shadows and faint print; `min_spread` keeps flat areas from blowing up noise.
[[nodiscard]] GrayImage local_normalize(const GrayImage& in, int radius, int min_spread = 8);
// Unsharp mask with a 3x3 box: out = in + amount/4 * (in - blur).
[[nodiscard]] GrayImage sharpen(const GrayImage& in, int amount_quarters = 4);
// 3x3 box blur (denoise before binarisation).
[[nodiscard]] GrayImage blur3(const GrayImage& in);

} // namespace kiosk::scanner::ops
