#pragma once
// Camera controls through Video4Linux2: lists what a camera offers (for the Scanner set-up screen and
// `kioskctl camera-controls`) and asks for continuous autofocus and automatic exposure where they exist.
// Works on an open V4L2 file descriptor (the frame source's) or opens a device by path read-only. It does
// not change any other control and never fails a camera start: a camera without these controls is fine.

#include "kiosk/core/util/result.hpp"

#include <string>
#include <vector>

namespace kiosk::scanner {

struct CameraControl {
    unsigned id = 0;
    std::string name; // as the driver names it, e.g. "Focus, Automatic Continuous"
    std::string type; // integer, boolean, menu, button, ...
    int minimum = 0, maximum = 0, step = 0, default_value = 0;
    int value = 0;         // current value (0 when it cannot be read)
    bool inactive = false; // present but currently without effect (e.g. manual focus while autofocus is on)
    std::vector<std::string> menu; // for menu controls: "index: name" of each item the driver accepts
};

// What enable_auto_focus_exposure() found and did.
struct AutoControlsReport {
    bool autofocus_available = false;
    bool autofocus_on = false;
    bool auto_exposure_available = false;
    bool auto_exposure_on = false;
    std::string exposure_mode; // "aperture priority", "auto" or empty
    [[nodiscard]] std::string describe() const;
};

// Every user control of the camera on `fd` (V4L2_CTRL_FLAG_NEXT_CTRL walk; disabled ones left out).
// Error kinds: camera_unsupported (not a V4L2 device), camera_error.
[[nodiscard]] Result<std::vector<CameraControl>> list_camera_controls(int fd);
// Opens `device`, lists, closes. Error kinds as V4l2FrameSource::start (camera_missing, ...).
[[nodiscard]] Result<std::vector<CameraControl>> list_camera_controls(const std::string& device);
// Sets continuous autofocus on and exposure to aperture priority (else full auto) when the camera has them.
[[nodiscard]] AutoControlsReport enable_auto_focus_exposure(int fd);

} // namespace kiosk::scanner
