// compare_png ACTUAL REFERENCE [MAX_FRACTION]: compares two screenshots with a tolerance. A pixel differs
// when any channel differs by more than 40; the images match when the fraction of differing pixels is at most
// MAX_FRACTION (default 0.01). Different sizes never match. Prints the figures either way.
#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc < 3) return std::fprintf(stderr, "usage: compare_png ACTUAL REFERENCE [MAX_FRACTION]\n"), 2;
    double max_fraction = argc > 3 ? std::atof(argv[3]) : 0.01;
    int aw, ah, ac, rw, rh, rc;
    unsigned char* a = stbi_load(argv[1], &aw, &ah, &ac, 4);
    unsigned char* r = stbi_load(argv[2], &rw, &rh, &rc, 4);
    if (!a || !r) return std::fprintf(stderr, "compare_png: cannot read %s\n", !a ? argv[1] : argv[2]), 2;
    if (aw != rw || ah != rh) {
        std::fprintf(stderr, "compare_png: size %dx%d differs from reference %dx%d\n", aw, ah, rw, rh);
        return 1;
    }
    long differing = 0;
    long total = static_cast<long>(aw) * ah;
    for (long i = 0; i < total; ++i) {
        for (int c = 0; c < 3; ++c) {
            if (std::abs(a[i * 4 + c] - r[i * 4 + c]) > 40) {
                ++differing;
                break;
            }
        }
    }
    double fraction = static_cast<double>(differing) / static_cast<double>(total);
    std::printf("compare_png: %ld of %ld pixels differ (%.4f%%, limit %.4f%%)\n", differing, total,
                fraction * 100, max_fraction * 100);
    stbi_image_free(a);
    stbi_image_free(r);
    return fraction <= max_fraction ? 0 : 1;
}
