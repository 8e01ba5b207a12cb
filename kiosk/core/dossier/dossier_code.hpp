#pragma once
// DossierCode: a validated dossier code (mã hồ sơ) `{unit code}-{yymmdd}-{sequence}`, e.g.
// `H15.50.05.13-261008-0975`. parse_dossier_code() accepts what a person types or a scanner sends:
// any case, spaces anywhere, en/em dashes and other dash look-alikes, full-width characters, and the
// letters O / I / l where a digit belongs. Everything else is rejected; the date part must be a real date.
// It does not check that the dossier exists, nor that the date is in the past.

#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>

namespace kiosk::dossier {

struct DossierCode {
    std::string unit; // agency (electronic unit) code, upper case, e.g. "H15.50.05.13" or "000.00.15.H26"
    int year = 0;     // receiving date: full year (2000 + yy), month 1..12, day 1..31
    int month = 0;
    int day = 0;
    std::string sequence; // daily sequence, 4..7 digits as written (leading zeros kept)

    // Canonical form, e.g. "H15.50.05.13-261008-0975".
    [[nodiscard]] std::string str() const;
    friend bool operator==(const DossierCode&, const DossierCode&) = default;
};

// Limits of the accepted form (documented in GATEWAY_API.md too).
inline constexpr std::size_t kMaxCodeInputBytes = 128; // raw input, before normalisation
inline constexpr std::size_t kMaxUnitSegments = 6;
inline constexpr std::size_t kMaxUnitSegmentChars = 8;
inline constexpr std::size_t kMinSequenceDigits = 4;
inline constexpr std::size_t kMaxSequenceDigits = 7;

// Parses and normalises a code. On failure Error::kind is a translation key
// ("dossier.code.empty", "dossier.code.too_long", "dossier.code.invalid_char", "dossier.code.bad_format",
//  "dossier.code.bad_unit", "dossier.code.bad_date", "dossier.code.bad_sequence") and Error::message the
//  detail.
[[nodiscard]] Result<DossierCode> parse_dossier_code(std::string_view input);

// True when year/month/day name a real calendar date (Gregorian, leap years included).
[[nodiscard]] bool is_real_date(int year, int month, int day);

} // namespace kiosk::dossier
