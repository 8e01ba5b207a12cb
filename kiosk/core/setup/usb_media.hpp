#pragma once
// Where USB drives are mounted on the kiosk (udisks: /media/<user>/<label>, /run/media/<user>/<label>), for
// set-up's diagnostics export and configuration import. KIOSK_MEDIA_DIR replaces both roots (headless tests).
// Blocking file-system reads: call on a worker.

#include <filesystem>
#include <vector>

namespace kiosk::setup {

// Mounted drives (folders two levels under a media root), sorted.
[[nodiscard]] std::vector<std::filesystem::path> usb_mounts();
// The first mounted drive this process may write to; empty when none.
[[nodiscard]] std::filesystem::path writable_usb_mount();
// Configuration files (*.toml) at the top of every mounted drive, sorted.
[[nodiscard]] std::vector<std::filesystem::path> usb_config_files();

} // namespace kiosk::setup
