#include "drivers/scanner/region_finder.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

namespace kiosk::scanner {
namespace {

constexpr int kBlock = 16;
constexpr int kMargin = 24;   // pixels added around a region (quiet zone, blocks cut at the code's edge)
constexpr int kMinBlocks = 6; // a 29-module code at 3 px covers about 5x5 blocks
constexpr int kMinAlternations = 4; // per direction, over the block's 4 sampled lines (32 px each)
constexpr int kMinRange = 20;       // grey levels between the block's darkest and lightest sample
constexpr int kMaxBlocks = 34; // a region is at most 34x34 blocks (544 px: a 57-module code at 7 px, tilted)

// Dark/light alternations along `count` samples starting at `p`, `step` bytes apart: a change is counted
// when the 2-pixel difference exceeds `threshold` with the opposite sign of the last counted one.
int alternations(const std::uint8_t* p, int count, int step, int threshold) {
    int n = 0, last = 0;
    for (int i = 0; i + 2 < count; ++i) {
        const int d = static_cast<int>(p[(i + 2) * step]) - static_cast<int>(p[i * step]);
        const int s = d > threshold ? 1 : (d < -threshold ? -1 : 0);
        if (s != 0 && s != last) {
            if (last != 0) ++n;
            last = s;
        }
    }
    return n;
}

// Sensor noise, as the median absolute 2-pixel difference over a sparse grid of the frame (mostly flat
// paper or background, so the median ignores edges); busy-block thresholds stay above it.
int noise_level(const GrayImage& luma) {
    std::array<int, 256> hist{};
    int n = 0;
    for (int y = 1; y < luma.height; y += 7)
        for (int x = 0; x + 2 < luma.width; x += 5) {
            const std::uint8_t* p = luma.pixels.data() + static_cast<size_t>(y) * luma.width + x;
            ++hist[static_cast<size_t>(std::abs(static_cast<int>(p[2]) - static_cast<int>(p[0])))];
            ++n;
        }
    int acc = 0;
    for (int v = 0; v < 256; ++v)
        if ((acc += hist[static_cast<size_t>(v)]) * 2 >= n) return v;
    return 0;
}

} // namespace

std::vector<CodeRegion> find_code_regions(const GrayImage& luma, int max_regions) {
    const int bw = luma.width / kBlock, bh = luma.height / kBlock;
    if (bw < 3 || bh < 3) return {};
    std::vector<int> score(static_cast<size_t>(bw) * bh, 0);
    const auto* px = luma.pixels.data();
    const int stride = luma.width;
    // Noise of sigma s gives a median |difference| of about 0.95 s; stay 3 sigma above it.
    const int noise_floor = 3 * noise_level(luma) + 4;
    for (int by = 0; by < bh; ++by) {
        for (int bx = 0; bx < bw; ++bx) {
            const int x0 = bx * kBlock, y0 = by * kBlock;
            int lo = 255, hi = 0;
            for (int k = 1; k < kBlock; k += 4) {
                const std::uint8_t* row = px + static_cast<size_t>(y0 + k) * stride + x0;
                for (int i = 0; i < kBlock; i += 2) {
                    lo = std::min<int>(lo, row[i]);
                    hi = std::max<int>(hi, row[i]);
                }
            }
            if (hi - lo < kMinRange) continue;
            const int threshold = std::max({8, (hi - lo) / 4, noise_floor});
            // Lines run half a block beyond each side, so that large modules (7 px) still alternate often.
            const int lx0 = std::max(0, x0 - kBlock / 2), ly0 = std::max(0, y0 - kBlock / 2);
            const int len_x = std::min(2 * kBlock, luma.width - lx0),
                      len_y = std::min(2 * kBlock, luma.height - ly0);
            int h = 0, v = 0;
            for (int k = 1; k < kBlock; k += 4) {
                h += alternations(px + static_cast<size_t>(y0 + k) * stride + lx0, len_x, 1, threshold);
                v += alternations(px + static_cast<size_t>(ly0) * stride + x0 + k, len_y, stride, threshold);
            }
            if (h >= kMinAlternations && v >= kMinAlternations)
                score[static_cast<size_t>(by) * bw + bx] = h + v;
        }
    }
    // Connected components of busy blocks (8-neighbourhood), by flood fill.
    std::vector<int> label(score.size(), -1);
    std::vector<CodeRegion> regions;
    std::vector<int> stack;
    for (int start = 0; start < bw * bh; ++start) {
        if (score[start] == 0 || label[start] >= 0) continue;
        int minx = bw, miny = bh, maxx = -1, maxy = -1, blocks = 0, sum = 0;
        stack.assign(1, start);
        label[start] = static_cast<int>(regions.size());
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            const int x = i % bw, y = i / bw;
            minx = std::min(minx, x), maxx = std::max(maxx, x), miny = std::min(miny, y),
            maxy = std::max(maxy, y);
            ++blocks;
            sum += score[i];
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
                    const int j = ny * bw + nx;
                    if (score[j] == 0 || label[j] >= 0) continue;
                    label[j] = label[start];
                    stack.push_back(j);
                }
        }
        // A receipt's print joins the code into one large region: keep its busiest 34x34-block window.
        if (maxx - minx + 1 > kMaxBlocks || maxy - miny + 1 > kMaxBlocks) {
            const int wx = std::min(kMaxBlocks, maxx - minx + 1), wy = std::min(kMaxBlocks, maxy - miny + 1);
            int best = -1, bestx = minx, besty = miny;
            for (int y = miny; y + wy <= maxy + 1; ++y)
                for (int x = minx; x + wx <= maxx + 1; ++x) {
                    int sumw = 0;
                    for (int yy = y; yy < y + wy; ++yy)
                        for (int xx = x; xx < x + wx; ++xx) {
                            const int j = yy * bw + xx;
                            if (label[j] == label[start]) sumw += score[j];
                        }
                    if (sumw > best) best = sumw, bestx = x, besty = y;
                }
            minx = bestx, miny = besty, maxx = bestx + wx - 1, maxy = besty + wy - 1;
        }
        CodeRegion r;
        r.left = std::max(0, minx * kBlock - kMargin);
        r.top = std::max(0, miny * kBlock - kMargin);
        r.width = std::min(luma.width, (maxx + 1) * kBlock + kMargin) - r.left;
        r.height = std::min(luma.height, (maxy + 1) * kBlock + kMargin) - r.top;
        r.score = blocks >= kMinBlocks ? sum : 0;
        regions.push_back(r);
    }
    std::erase_if(regions, [](const CodeRegion& r) { return r.score == 0; });
    // Ties broken by position so that the order never depends on anything but the pixels.
    std::sort(regions.begin(), regions.end(), [](const CodeRegion& a, const CodeRegion& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.top != b.top ? a.top < b.top : a.left < b.left;
    });
    if (static_cast<int>(regions.size()) > max_regions)
        regions.resize(static_cast<size_t>(std::max(0, max_regions)));
    return regions;
}

} // namespace kiosk::scanner
