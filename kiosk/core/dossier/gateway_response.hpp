#pragma once
// Strict parser for the city gateway's dossier response body (shape: kiosk/net/GATEWAY_API.md):
//
//   { "code": "H15.50.05.13-261008-0975",            required; must be a valid dossier code
//     "status": 4,                                    required; integer 1..10 (national TrangThaiHoSo)
//     "procedure": {"code": "1.001193", "name": "..."},  required object; name required, code optional
//     "applicant_name": "Nguyễn Văn An",             optional string
//     "received_at" / "appointment_at" / "finished_at": "yyyyMMddHHmmss" (Vietnam time) or null, optional
//     "result_delivery": {"method": "counter"|"post"|"online", "counter": "3"} or null, optional
//     "missing_documents": ["..."], optional (at most 50 strings)
//     "fee_vnd": 50000 or null, optional integer 0..10^10 }
//
// Strict about what it reads: valid JSON, one object, at most 64 KiB, nesting depth at most 8, the right
// JSON types (4.0 is not an integer), strings valid UTF-8 without control characters and within length
// limits. Unknown keys are ignored so the gateway can add fields. It does not check `code` against the
// requested code (the client does) nor fetch anything.

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/util/result.hpp"

#include <string_view>

namespace kiosk::dossier {

inline constexpr std::size_t kMaxGatewayBodyBytes = 64 * 1024;

// Error kind is "invalid_response"; the message names the field and what was wrong with it.
[[nodiscard]] Result<Dossier> parse_gateway_dossier(std::string_view body);

} // namespace kiosk::dossier
