#pragma once
// Finder patterns: counts the QR finder patterns (the three 1:1:3:1:1 dark/light squares in a code's corners)
// visible in a luma image, found on rows and confirmed on columns after local-mean binarisation. The
// decoder uses it to tell "a code is in view but unreadable" (blurred, bent, moving: ask the citizen to hold
// still) from "no code". It does not locate the code precisely nor decode anything.

#include "drivers/scanner/frame.hpp"

namespace kiosk::scanner {

// Distinct finder patterns (hits closer than ~24 px count once), capped at 16.
[[nodiscard]] int count_finder_patterns(const GrayImage& luma);

} // namespace kiosk::scanner
