#pragma once
// Vietnam time (UTC+7, no daylight saving) for dossier dates: the national sync format `yyyyMMddHHmmss`
// and the date a citizen reads (dd/MM/yyyy). It does not handle other time zones or locales.

#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace kiosk::dossier {

using Seconds = std::chrono::sys_seconds;

// Parses exactly 14 digits `yyyyMMddHHmmss` (Vietnam time) into a UTC instant. Errors name the value.
[[nodiscard]] Result<Seconds> parse_vn_timestamp(std::string_view text);
// The inverse: `yyyyMMddHHmmss` in Vietnam time.
[[nodiscard]] std::string format_vn_timestamp(Seconds t);
// `dd/MM/yyyy` in Vietnam time, as printed on receipts.
[[nodiscard]] std::string format_vn_date(Seconds t);

} // namespace kiosk::dossier
