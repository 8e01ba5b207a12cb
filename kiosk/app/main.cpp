// kiosk: the self-service kiosk of a ward/commune one-stop office.
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/options.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    std::string error;
    auto options = kiosk::app::parse_options(argc, argv, error);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n%s", error.c_str(), kiosk::app::usage_text().c_str());
        return 2;
    }
    if (options->version) {
        std::printf("kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    if (options->help) {
        std::printf("%s", kiosk::app::usage_text().c_str());
        return 0;
    }
    return kiosk::app::run_kiosk(*options);
}
