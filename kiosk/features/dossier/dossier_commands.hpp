#pragma once
// What the dossier screens ask for. Routed to the DossierFeature (it registers these types).

namespace kiosk::features::dossier_ui {

inline constexpr const char* kScanScreen = "dossier.scan";     // scan the receipt QR or type the code
inline constexpr const char* kStatusScreen = "dossier.status"; // the dossier's status

struct SubmitDossierCode {}; // look up the code typed on the keypad

} // namespace kiosk::features::dossier_ui
