#include "kiosk/app/options.hpp"

#include <string_view>

namespace kiosk::app {

std::optional<Options> parse_options(int argc, char** argv, std::string& error) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return error = std::string(arg) + " needs a value", false;
            out = argv[++i];
            return true;
        };
        if (arg == "--version")
            options.version = true;
        else if (arg == "--help" || arg == "-h")
            options.help = true;
        else if (arg == "--startup-probe")
            options.startup_probe = true;
        else if (arg == "--print-parts")
            options.print_parts = true;
        else if (arg == "--config") {
            if (!value(options.config_path)) return std::nullopt;
        } else if (arg == "--script") {
            if (!value(options.script_path)) return std::nullopt;
        } else if (arg == "--screenshot") {
            if (!value(options.screenshot_path)) return std::nullopt;
        } else if (arg == "--frame-log") {
            if (!value(options.frame_log)) return std::nullopt;
        } else if (arg == "--clock") {
            if (!value(options.frozen_clock)) return std::nullopt;
        } else if (arg == "--mode") { // kiosk | counter | display: the same as --set ui.mode=…
            std::string mode;
            if (!value(mode)) return std::nullopt;
            options.overrides.push_back("ui.mode=" + mode);
        } else if (arg == "--set") {
            std::string kv;
            if (!value(kv)) return std::nullopt;
            options.overrides.push_back(kv);
        } else if (arg.rfind("--set=", 0) == 0) {
            options.overrides.emplace_back(arg.substr(6));
        } else {
            error = "unknown argument '" + std::string(arg) + "' (see --help)";
            return std::nullopt;
        }
    }
    return options;
}

std::string usage_text() {
    return "usage: kiosk [--config FILE] [--mode kiosk|counter|display] [--set key=value]... [--script "
           "FILE]\n"
           "             [--screenshot OUT.png]\n"
           "             [--clock \"YYYY-MM-DD HH:MM\"] [--startup-probe] [--print-parts] [--frame-log "
           "FILE]\n"
           "             [--version]\n"
           "  --config FILE      configuration (TOML); missing file = embedded defaults\n"
           "  --mode MODE        kiosk (citizens, default), counter (staff console) or display (lobby "
           "board)\n"
           "  --set key=value    override any configuration key (repeatable), e.g. --set ui.language=en\n"
           "  --script FILE      replay a UI script (tap/drag/type/key/wait/expect/screenshot/set), exit 1 "
           "if an\n"
           "                     expect failed\n"
           "  --screenshot PNG   write the final frame as PNG and exit\n"
           "  --clock TIME       start the clock at TIME (Vietnam time), for reproducible screenshots\n"
           "  --frame-log FILE   write \"<CLOCK_MONOTONIC us> <text>\" for each text that a presented frame "
           "shows\n"
           "                     first (latency benchmarks; off by default)\n"
           "  --print-parts      print the parts the configuration resolves to (JSON), then exit\n"
           "  --startup-probe    print milliseconds from process start to the first presented frame, then "
           "exit\n";
}

} // namespace kiosk::app
