// Fuzzes the strict gateway response parser and the dossier CSV reader with hostile bytes.
// Invariants: no crash, no unbounded work; an accepted dossier has a status 1..10 and a re-parsable code.
#include "kiosk/core/dossier/dossier_csv.hpp"
#include "kiosk/core/dossier/gateway_response.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace kiosk::dossier;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (const auto d = parse_gateway_dossier(input); d) {
        const int status = static_cast<int>(d->status);
        if (status < 1 || status > 10) std::abort();
        if (!parse_dossier_code(d->code.str())) std::abort();
        if (d->fee_vnd && *d->fee_vnd < 0) std::abort();
    }
    if (const auto rows = parse_dossier_csv(input, "fuzz.csv"); rows) {
        for (const auto& d : *rows)
            if (!parse_dossier_code(d.code.str())) std::abort();
    }
    return 0;
}
