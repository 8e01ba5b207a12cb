// ESC/POS encoder and decoder: exact bytes, bands, round trip, and rejection of malformed streams.
#include "drivers/printer/escpos.hpp"

#include <gtest/gtest.h>

#include <random>

namespace kiosk::printer {
namespace {

Raster random_raster(int w, int h, unsigned seed) {
    Raster r(w, h);
    std::mt19937 rng(seed);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (rng() % 3 == 0) r.set(x, y);
    return r;
}

TEST(EscPos, ExactBytesForTinyRaster) {
    Raster r(10, 2); // 2 bytes per row
    r.set(0, 0);
    r.set(9, 1);
    const auto b = encode_escpos(r, {.band_rows = 255, .feed_lines = 3, .cut = CutMode::partial});
    const std::vector<std::uint8_t> expected{0x1B, '@',  0x1D, 'v',  '0',  0,   2, 0,    2,   0,
                                             0x80, 0x00, 0x00, 0x40, 0x1B, 'd', 3, 0x1D, 'V', 1};
    EXPECT_EQ(b, expected);
}

TEST(EscPos, BandsAreAtMost255RowsAndRoundTrip) {
    const Raster r = random_raster(576, 1000, 1);
    const auto bytes = encode_escpos(r);
    auto d = decode_escpos(bytes);
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->bands, 4); // 255+255+255+235
    EXPECT_EQ(d->initialise_count, 1);
    EXPECT_EQ(d->feed_lines, 4);
    EXPECT_EQ(d->cut, CutMode::partial);
    EXPECT_TRUE(d->raster == r);
    // Every band header keeps yH = 0.
    size_t i = 2;
    for (int band = 0; band < 4; ++band) {
        ASSERT_EQ(bytes[i], 0x1D);
        EXPECT_EQ(bytes[i + 7], 0) << "band " << band;
        const size_t rows = bytes[i + 6];
        EXPECT_LE(rows, 255u);
        i += 8 + 72 * rows;
    }
}

TEST(EscPos, OddWidthAndSmallBands) {
    const Raster r = random_raster(383, 50, 2);
    auto d = decode_escpos(encode_escpos(r, {.band_rows = 7, .feed_lines = 0, .cut = CutMode::full}));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->bands, 8);
    EXPECT_EQ(d->cut, CutMode::full);
    EXPECT_EQ(d->feed_lines, 0);
    // Decoded width is whole bytes; the padding column stays white.
    ASSERT_EQ(d->raster.width(), 384);
    for (int y = 0; y < 50; ++y) {
        EXPECT_FALSE(d->raster.get(383, y));
        for (int x = 0; x < 383; ++x)
            ASSERT_EQ(d->raster.get(x, y), r.get(x, y)) << x << "," << y;
    }
}

TEST(EscPos, DecoderRejectsMalformedStreams) {
    const auto good = encode_escpos(random_raster(64, 20, 3));
    {
        auto truncated = good;
        truncated.resize(good.size() - 10);
        auto d = decode_escpos(truncated);
        ASSERT_FALSE(d.ok());
        EXPECT_NE(d.error().message.find("offset"), std::string::npos);
    }
    {
        auto junk = good;
        junk.insert(junk.begin() + 2, 0x42);
        EXPECT_FALSE(decode_escpos(junk).ok());
    }
    {
        auto after_cut = good;
        after_cut.push_back(0x1B);
        after_cut.push_back('@');
        EXPECT_FALSE(decode_escpos(after_cut).ok());
    }
    {
        Raster a(64, 3), b(72, 3);
        auto mixed = encode_escpos(a, {.band_rows = 255, .feed_lines = 0, .cut = CutMode::none});
        auto second = encode_escpos(b, {.band_rows = 255, .feed_lines = 0, .cut = CutMode::none});
        mixed.insert(mixed.end(), second.begin() + 2, second.end());
        auto d = decode_escpos(mixed);
        ASSERT_FALSE(d.ok());
        EXPECT_NE(d.error().message.find("width"), std::string::npos);
    }
}

TEST(EscPos, EmptyRasterHasNoBands) {
    auto d = decode_escpos(encode_escpos(Raster(576, 0)));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->bands, 0);
    EXPECT_EQ(d->raster.height(), 0);
}

} // namespace
} // namespace kiosk::printer
