#pragma once
// Extracts a dossier code from what a QR code / barcode scanner delivered. Accepted: the bare code, or
// an https URL whose host is in an allowed list and that carries the code in one of the configured
// query parameters. Everything else is rejected with a reason key (translation key) and a detail for logs.
// It never opens, fetches or follows anything; it does not decode images (see drivers/scanner).

#include "kiosk/core/dossier/dossier_code.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::dossier {

struct QrPolicy {
    // Hosts whose lookup URLs are trusted, lower case. "*.example.vn" also matches any sub-domain
    // (not example.vn itself). Empty: no URL is accepted, only bare codes.
    std::vector<std::string> allowed_hosts;
    // Query parameter names that may carry the code, tried in this order (case-insensitive).
    std::vector<std::string> param_names{"code", "ma_ho_so", "mahoso", "maHoSo"};
    std::size_t max_bytes = 512;
};

// On failure Error::kind is one of (all translation keys):
//  dossier.qr.empty, dossier.qr.too_long, dossier.qr.binary, dossier.qr.invalid_utf8,
//  dossier.qr.control_char, dossier.qr.scheme_not_allowed, dossier.qr.bad_url, dossier.qr.host_not_allowed,
//  dossier.qr.no_code_in_url, dossier.qr.not_a_code; Error::message says what exactly was found.
[[nodiscard]] Result<DossierCode> extract_dossier_code(std::string_view payload, const QrPolicy& policy);

// Every reason key extract_dossier_code() can return (for translation-table checks).
[[nodiscard]] const std::vector<std::string>& qr_reason_keys();

} // namespace kiosk::dossier
