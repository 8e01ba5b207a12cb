#include "drivers/scanner/finder_patterns.hpp"

#include "drivers/scanner/image_ops.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace kiosk::scanner {
namespace {

constexpr int kClusterPx = 24;
constexpr int kMaxPatterns = 16;

// True when five runs (dark, light, dark, light, dark) have the 1:1:3:1:1 proportions, each within half a
// module (the centre within 1.5 modules), as a finder pattern seen straight or tilted.
bool finder_ratio(const std::array<int, 5>& r) {
    const int total = r[0] + r[1] + r[2] + r[3] + r[4];
    if (total < 7) return false;
    const double m = total / 7.0, tol = m / 2;
    return std::abs(r[0] - m) < tol && std::abs(r[1] - m) < tol && std::abs(r[2] - 3 * m) < 3 * tol &&
           std::abs(r[3] - m) < tol && std::abs(r[4] - m) < tol;
}

// Runs along a column through (x, y) of the binary image, centred on y: the same pattern vertically?
bool column_confirms(const std::vector<std::uint8_t>& dark, int w, int h, int x, int y, int span) {
    auto at = [&](int yy) { return dark[static_cast<size_t>(yy) * w + x] != 0; };
    if (!at(y)) return false;
    std::array<int, 5> r{};
    int yy = y;
    // centre run, then outward: light and dark above, light and dark below
    while (yy >= 0 && at(yy) && r[2] <= span)
        --yy, ++r[2];
    while (yy >= 0 && !at(yy) && r[1] <= span)
        --yy, ++r[1];
    while (yy >= 0 && at(yy) && r[0] <= span)
        --yy, ++r[0];
    yy = y + 1;
    while (yy < h && at(yy) && r[2] <= span)
        ++yy, ++r[2];
    while (yy < h && !at(yy) && r[3] <= span)
        ++yy, ++r[3];
    while (yy < h && at(yy) && r[4] <= span)
        ++yy, ++r[4];
    return finder_ratio(r);
}

} // namespace

int count_finder_patterns(const GrayImage& luma) {
    const int w = luma.width, h = luma.height;
    if (w < 21 || h < 21) return 0;
    // Local-mean binarisation (radius 12 px: a few modules), so that shadows and glare do not matter.
    const GrayImage norm = ops::local_normalize(luma, 12, 10);
    std::vector<std::uint8_t> dark(norm.pixels.size());
    for (size_t i = 0; i < dark.size(); ++i)
        dark[i] = norm.pixels[i] < 128 ? 1 : 0;
    std::vector<std::array<int, 2>> found;
    for (int y = 0; y < h && static_cast<int>(found.size()) < kMaxPatterns; y += 2) {
        const std::uint8_t* row = dark.data() + static_cast<size_t>(y) * w;
        // Run lengths along the row; each window of five runs starting dark is a candidate.
        std::vector<int> runs, starts;
        for (int x = 0; x < w;) {
            const int s = x;
            while (x < w && row[x] == row[s])
                ++x;
            runs.push_back(x - s);
            starts.push_back(s);
        }
        for (size_t i = 0; i + 5 <= runs.size(); ++i) {
            if (!row[starts[i]]) continue;
            const std::array<int, 5> r = {runs[i], runs[i + 1], runs[i + 2], runs[i + 3], runs[i + 4]};
            if (!finder_ratio(r)) continue;
            const int cx = starts[i + 2] + runs[i + 2] / 2;
            const int total = r[0] + r[1] + r[2] + r[3] + r[4];
            if (!column_confirms(dark, w, h, cx, y, total)) continue;
            const bool known = std::any_of(found.begin(), found.end(), [&](const std::array<int, 2>& f) {
                return std::abs(f[0] - cx) < kClusterPx && std::abs(f[1] - y) < kClusterPx;
            });
            if (!known) found.push_back({cx, y});
        }
    }
    return static_cast<int>(found.size());
}

} // namespace kiosk::scanner
