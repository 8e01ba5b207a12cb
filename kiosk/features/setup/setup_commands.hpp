#pragma once
// What the set-up screens ask for. Routed to the SetupFeature (it registers these types).

#include <string>

namespace kiosk::features::setup_ui {

inline constexpr const char* kPinScreen = "setup.pin";
inline constexpr const char* kHomeScreen = "setup.home";
inline constexpr const char* kOfficeScreen = "setup.office";
inline constexpr const char* kHealthScreen = "setup.health";
inline constexpr const char* kAuditScreen = "setup.audit";
inline constexpr const char* kMaintenanceScreen = "setup.maintenance";
inline constexpr const char* kNetworkScreen = "setup.network";
inline constexpr const char* kEditScreen = "setup.edit"; // one text setting with the on-screen keyboard

// A key of the PIN pad: a digit, 'B' (erase one), 'C' (erase all) or 'E' (confirm).
struct PinKey {
    char key;
};
// A change on the Office screen, kept as a draft until SaveDraft: "ui.language" → "en".
struct EditDraft {
    std::string key;
    std::string value;
};
struct SaveDraft {};
// Opens the text editor for one string setting ("office.name_vi", "gateway.url", "gateway.token").
struct EditField {
    std::string key;
};
// Saves the text being edited (validated, written, applied) and returns to the screen before.
struct SaveField {};
// Runs the gateway connection test (DNS, TCP, TLS, HTTP) on the worker.
struct TestConnection {};
struct UndoLastChange {};
struct ChangePin {};
struct ExportDiagnostics {};
struct RestartKiosk {};
struct CloseSetup {};

} // namespace kiosk::features::setup_ui
