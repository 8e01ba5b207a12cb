#pragma once
// What the set-up screens ask for. Routed to the SetupFeature (it registers these types).

#include <cstdint>
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
inline constexpr const char* kPrinterScreen = "setup.printer";
inline constexpr const char* kScannerScreen = "setup.scanner";
inline constexpr const char* kServicesScreen = "setup.services";
inline constexpr const char* kServiceScreen = "setup.service"; // one service of the list

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
// Printer screen.
struct RefreshPrinters {}; // CUPS queues and attached devices again
struct UsePrinter {        // print on this CUPS queue (saved, then a test ticket)
    std::string destination;
};
struct AddPrinterDevice { // add this attached device as the raw queue "kiosk-thermal" and use it
    std::string device_uri;
};
struct SetPaper { // 80 or 58 mm
    int mm;
};
struct PrintTestTicket {};
// Scanner screen.
struct UseCamera { // scan with this camera (/dev/videoN)
    std::string device;
};
struct SetResolution {
    int width, height;
};
struct SetMirror {
    bool mirror;
};
struct ScanNow {};     // the next USB scanner burst within 15 s is shown
struct ReprintTicket { // a ticket of today whose print failed
    std::int64_t id;
};
// Services screen: a draft list, written by SaveServices.
struct AddService {}; // a new service at the end, opened for editing
struct OpenService {
    int index;
};
struct MoveService { // up (-1) or down (+1)
    int index, delta;
};
struct SetServiceEnabled {
    int index;
    bool enabled;
};
struct RemoveNewService { // only a service added in this draft (a saved one is disabled instead)
    int index;
};
struct SetServicePriority { // the open service
    bool allowed;
};
struct EditServiceField { // a text field of the open service on the on-screen keyboard ("name_vi", "opens")
    std::string field;
};
struct SaveServices {};
struct UndoLastChange {};
struct ChangePin {};
struct ExportDiagnostics {};
struct SyncCatalog {};     // asks the catalog feature to sync now
struct ListImportFiles {}; // *.toml files on a mounted USB drive
struct ImportConfig {      // validate this file, then save it (backup kept) and apply it
    std::string path;
};
struct RestartKiosk {};
struct CloseSetup {};

} // namespace kiosk::features::setup_ui
