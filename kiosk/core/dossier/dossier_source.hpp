#pragma once
// DossierSource: where dossier status comes from (local SQLite table, or the city gateway).
// Contract: lookup() never blocks without bound – every implementation documents its time limit and
// returns an Error when it is reached; it is safe to call from a worker thread (never the frame loop).
// There is no cancellation: the caller drops a result that arrives after the citizen has left.
// Error kinds are the stable set below; citizen_message_key() turns them into what the screen says.

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::dossier {

class DossierSource {
  public:
    virtual ~DossierSource() = default;
    // Error kinds: not_found, refused, dns, connect_timeout, timeout, tls, transport, too_large,
    // invalid_response, code_mismatch, server, auth, rate_limited, bad_request, store, config.
    [[nodiscard]] virtual Result<Dossier> lookup(const DossierCode& code) = 0;
};

// The translation key of the citizen-facing message for a lookup error kind, e.g. "timeout" ->
// "dossier.error.timeout". Unknown kinds map to "dossier.error.generic".
[[nodiscard]] std::string citizen_message_key(std::string_view error_kind);

// Every key citizen_message_key() can return.
[[nodiscard]] std::vector<std::string> citizen_message_keys();

} // namespace kiosk::dossier
