#pragma once
// Internal Unicode data for kiosk/core/text (generated, see gen_unicode_tables.py): Latin letters with their
// lowercase and unaccented ASCII base, canonical pair compositions, and combining classes of U+0300..U+036F.
// It does not cover scripts other than Latin; callers pass other code points through unchanged.

#include <cstddef>

namespace kiosk::text::detail {

struct LatinLetter {
    char32_t cp;
    char32_t lower;
    unsigned char fold; // lowercase ASCII base letter, 0 when there is none (e.g. ø, ß)
};

struct Composition {
    char32_t first, second, composed;
};

extern const LatinLetter kLatinLetters[];
extern const std::size_t kLatinLetterCount;
extern const Composition kDecompositions[]; // sorted by composed
extern const Composition kCompositions[];   // sorted by (first, second)
extern const std::size_t kCompositionCount;
extern const unsigned char kMarkClasses[0x70];

} // namespace kiosk::text::detail
