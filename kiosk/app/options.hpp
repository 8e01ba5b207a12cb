#pragma once
// Command-line options of the `kiosk` program. Parsing only; no side effects.

#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct Options {
    std::string config_path; // --config FILE (default: $KIOSK_CONFIG or /etc/motcua-kiosk/kiosk.toml)
    std::vector<std::string> overrides; // --set key=value (repeatable)
    std::string script_path;            // --script FILE
    std::string screenshot_path;        // --screenshot OUT.png: write the final frame and exit
    std::string frame_log;              // --frame-log FILE: texts newly shown per presented frame
    std::string frozen_clock;           // --clock "YYYY-MM-DD HH:MM" (Vietnam time): where the clock starts
    bool version = false;               // --version
    bool help = false;                  // --help
    bool print_parts = false;   // --print-parts: print the parts the configuration resolves to, then exit
    bool startup_probe = false; // --startup-probe: print start-up timing after the first frame and exit
};

// Returns the options, or an error message naming the bad argument.
[[nodiscard]] std::optional<Options> parse_options(int argc, char** argv, std::string& error);
[[nodiscard]] std::string usage_text();

} // namespace kiosk::app
