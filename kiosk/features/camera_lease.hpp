#pragma once
// Lending the camera between features. The dossier feature keeps the one camera open all the time (receipts
// are scanned from any citizen screen); staff set-up's Scanner screen needs it for its own live preview and
// decode test. A V4L2 device opens once, so the dossier feature stops its camera on Lend{true}, answers
// Released once the device is closed (or when it had none), and opens it again on Lend{false}.
// Routed through the shell like any feature command; it carries no frames.

namespace kiosk::features::camera_lease {

struct Lend { // to the camera's owner (dossier feature)
    bool lend;
};
struct Released {}; // to the borrower (set-up feature): the owner's camera is closed
} // namespace kiosk::features::camera_lease
