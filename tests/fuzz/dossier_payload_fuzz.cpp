// Fuzzes what a scanner or a person can hand the kiosk: QR payload extraction, code parsing and name masking.
// Invariants: no crash; an accepted code's canonical form parses back to the same code; reasons are known
// keys.
#include "kiosk/core/dossier/name_mask.hpp"
#include "kiosk/core/dossier/qr_payload.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace kiosk::dossier;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    QrPolicy policy;
    policy.allowed_hosts = {"dichvucong.hanoi.gov.vn", "*.motcua.example.vn"};

    const auto code = extract_dossier_code(input, policy);
    if (code) {
        const auto again = parse_dossier_code(code->str());
        if (!again || !(*again == *code)) std::abort();
    } else {
        const auto& keys = qr_reason_keys();
        if (std::find(keys.begin(), keys.end(), code.error().kind) == keys.end()) std::abort();
        if (!kiosk::text::is_valid_utf8(code.error().message)) std::abort(); // details go to JSON logs
    }
    const auto direct = parse_dossier_code(input);
    if (direct && !parse_dossier_code(direct->str())) std::abort();

    const std::string masked = mask_applicant_name(input);
    if (!kiosk::text::is_valid_utf8(masked)) std::abort();
    return 0;
}
