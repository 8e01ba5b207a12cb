// Image steps of the decoder ladder: sizes, value ranges, and that they do what their names say.
#include "drivers/scanner/image_ops.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiosk::scanner;

namespace {
GrayImage ramp(int w, int h, int lo, int hi) {
    GrayImage g{w, h, std::vector<std::uint8_t>(static_cast<size_t>(w) * h)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            g.pixels[static_cast<size_t>(y) * w + x] =
                static_cast<std::uint8_t>(lo + (hi - lo) * x / (w - 1));
    return g;
}
} // namespace

TEST(ImageOps, StretchContrastSpreadsAFadedRangeToFullScale) {
    const auto out = ops::stretch_contrast(ramp(200, 4, 100, 140), 0.0, 1.0);
    const auto [mn, mx] = std::minmax_element(out.pixels.begin(), out.pixels.end());
    EXPECT_LE(*mn, 2);
    EXPECT_GE(*mx, 253);
}

TEST(ImageOps, StretchLeavesFlatImagesAlone) {
    GrayImage flat{10, 10, std::vector<std::uint8_t>(100, 77)};
    EXPECT_EQ(ops::stretch_contrast(flat).pixels, flat.pixels);
}

TEST(ImageOps, ScalingSizesAndAverages) {
    const auto img = ramp(101, 51, 0, 200);
    const auto d2 = ops::downscale(img, 2);
    EXPECT_EQ(d2.width, 50);
    EXPECT_EQ(d2.height, 25);
    EXPECT_NEAR(d2.at(10, 3), (img.at(20, 6) + img.at(21, 6)) / 2.0, 1.0);
    const auto u2 = ops::upscale2(img);
    EXPECT_EQ(u2.width, 202);
    EXPECT_EQ(u2.height, 102);
    EXPECT_NEAR(u2.at(41, 10), img.at(20, 5), 2.0);
}

TEST(ImageOps, LocalNormalizeEvensOutAShadow) {
    // A dark left half and bright right half, each with the same small ripple: afterwards the ripple has the
    // same amplitude on both sides.
    GrayImage g{64, 16, std::vector<std::uint8_t>(64 * 16)};
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 64; ++x)
            g.pixels[static_cast<size_t>(y) * 64 + x] =
                static_cast<std::uint8_t>((x < 32 ? 40 : 200) + (x % 2 ? 10 : -10));
    const auto n = ops::local_normalize(g, 3, 4);
    const int left = n.at(10, 8) - n.at(11, 8), right = n.at(50, 8) - n.at(51, 8);
    EXPECT_NEAR(left, right, 3);
    EXPECT_NEAR((n.at(10, 8) + n.at(11, 8)) / 2.0, 128, 6);
}

TEST(ImageOps, SharpenIncreasesEdgeStepAndBlurReducesIt) {
    GrayImage g{20, 5, std::vector<std::uint8_t>(100)};
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 20; ++x)
            g.pixels[static_cast<size_t>(y) * 20 + x] = x < 10 ? 90 : 160;
    const auto s = ops::sharpen(g), b = ops::blur3(g);
    EXPECT_GT(s.at(10, 2) - s.at(9, 2), 70);
    EXPECT_LT(b.at(10, 2) - b.at(9, 2), 70);
    EXPECT_EQ(s.at(2, 2), 90); // flat areas stay put
}
