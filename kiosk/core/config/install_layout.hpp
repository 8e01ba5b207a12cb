#pragma once
// Where an installed kiosk finds its files: the Debian package puts the programs in /usr/bin and the assets
// (fonts, translations, bundled catalog) in /usr/share/motcua-kiosk. A program run from the build tree has no
// such folder next to it and keeps the source tree's assets. Reads /proc/self/exe; no other I/O.

#include <filesystem>

namespace kiosk::config {

// <dir of the running program>/../share/motcua-kiosk when that folder exists; empty otherwise.
[[nodiscard]] std::filesystem::path installed_assets_dir();

} // namespace kiosk::config
