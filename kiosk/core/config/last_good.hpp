#pragma once
// Start-up configuration with a safety net: a config file with problems never stops the kiosk. The problems
// are reported and the kiosk runs on the last configuration that validated (kept in the state folder), or on
// the embedded defaults when there is none. Overrides (--set) apply on top of whichever is used.

#include "kiosk/core/config/loader.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::config {

enum class ConfigSource { file, last_good, defaults };

struct EffectiveConfig {
    Config config;
    ConfigSource source = ConfigSource::defaults;
    std::vector<Problem> problems; // of the requested file (and overrides); empty when the file was used
    std::filesystem::path path;    // the requested file
};

// Where the last good copy of `config_path` is kept.
[[nodiscard]] std::filesystem::path last_good_path(const std::filesystem::path& state_dir);

// Loads `config_path`; on problems falls back as described above. When the file validates, its text is saved
// as the last good copy (written to a temporary file and renamed, so a power cut never leaves half a copy).
[[nodiscard]] EffectiveConfig resolve_config(const std::filesystem::path& config_path,
                                             const std::vector<std::string>& overrides,
                                             const std::filesystem::path& state_dir);

// The state folder: `configured` if set, else $XDG_STATE_HOME/motcua-kiosk, else ~/.local/state/motcua-kiosk.
[[nodiscard]] std::filesystem::path state_dir_for(const std::string& configured);

// The config file path: `explicit_path` if given, else $KIOSK_CONFIG, else /etc/motcua-kiosk/kiosk.toml.
[[nodiscard]] std::filesystem::path config_path_for(const std::string& explicit_path);

// The assets folder: configured, else $KIOSK_ASSETS_DIR, else the installed share folder next to the program
// (<prefix>/share/motcua-kiosk for <prefix>/bin/kiosk, see install_layout.hpp), else the folder the program
// was built with.
[[nodiscard]] std::filesystem::path assets_dir_for(const Config& config);

} // namespace kiosk::config
