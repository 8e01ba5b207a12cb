#include "kiosk/cli/cmd_camera.hpp"

#include "drivers/scanner/v4l2_controls.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace kiosk::cli {

int run_camera_controls(CliContext& ctx) {
    std::string device = ctx.config.scanner.camera_device;
    bool json = false;
    bool device_given = false;
    for (const std::string& a : ctx.args) {
        if (a == "--json") {
            json = true;
        } else if (!a.empty() && a[0] != '-' && !device_given) {
            device = a;
            device_given = true;
        } else {
            ctx.err << "camera-controls: unexpected argument \"" << a << "\"\n"
                    << "usage: kioskctl camera-controls [DEVICE] [--json]\n";
            return 2;
        }
    }
    auto controls = scanner::list_camera_controls(device);
    if (!controls) {
        ctx.err << "camera-controls: " << controls.error().message << "\n";
        return 1;
    }
    if (json) {
        auto arr = nlohmann::json::array();
        for (const auto& c : *controls)
            arr.push_back({{"id", c.id},
                           {"name", c.name},
                           {"type", c.type},
                           {"min", c.minimum},
                           {"max", c.maximum},
                           {"step", c.step},
                           {"default", c.default_value},
                           {"value", c.value},
                           {"inactive", c.inactive},
                           {"menu", c.menu}});
        ctx.out << nlohmann::json{{"device", device}, {"controls", arr}}.dump(2) << "\n";
        return 0;
    }
    ctx.out << device << ": " << controls->size() << " controls\n";
    for (const auto& c : *controls) {
        ctx.out << "  " << c.name << " (" << c.type << ") = " << c.value << "  [" << c.minimum << ".."
                << c.maximum << ", default " << c.default_value << "]" << (c.inactive ? " inactive" : "")
                << "\n";
        for (const auto& m : c.menu)
            ctx.out << "      " << m << "\n";
    }
    return 0;
}

} // namespace kiosk::cli
