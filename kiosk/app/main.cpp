// kiosk: the self-service kiosk of a ward/commune one-stop office.
#include "kiosk/app/clock.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/log_sink.hpp"
#include "kiosk/app/options.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    std::string error;
    auto options = kiosk::app::parse_options(argc, argv, error);
    if (!options) {
        // Logged like every other failure (the journal under the service); a person at a terminal also gets
        // the plain line and the usage.
        auto sink = kiosk::app::make_log_sink();
        kiosk::app::KioskClock clock;
        kiosk::log::Logger(*sink, clock).error("start.bad_command_line", error);
        if (kiosk::app::journal_wanted()) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        std::fprintf(stderr, "%s", kiosk::app::usage_text().c_str());
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
