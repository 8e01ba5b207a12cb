#include "kiosk/cli/cmd_counter.hpp"

#include "kiosk/cli/cli_input.hpp"
#include "kiosk/core/setup/counter_pin.hpp"
#include "kiosk/core/setup/setup_paths.hpp"

#include <chrono>
#include <iostream>

namespace kiosk::cli {
namespace {

int usage(CliContext& ctx) {
    ctx.err
        << "usage: kioskctl counter set-pin N     (the PIN is read from standard input, e.g.\n"
           "                                         read -s PIN; printf '%s' \"$PIN\" | kioskctl counter "
           "set-pin 2)\n"
           "       kioskctl counter pin-status N\n";
    return 2;
}

} // namespace

int run_counter(CliContext& ctx) {
    if (ctx.args.size() != 2) return usage(ctx);
    const std::string& sub = ctx.args[0];
    int counter = 0;
    try {
        std::size_t used = 0;
        counter = std::stoi(ctx.args[1], &used);
        if (used != ctx.args[1].size()) counter = 0;
    } catch (const std::exception&) {
        counter = 0;
    }
    if (counter <= 0) {
        ctx.err << "kioskctl: counter number must be a positive whole number, not '" << ctx.args[1] << "'\n";
        return 2;
    }
    const auto file = setup::counter_secrets_path(
        setup::setup_paths(ctx.root.plan().paths.state, ctx.config.setup.secrets_file).dir, counter);
    if (sub == "set-pin") {
        const std::string pin =
            read_secret_line(ctx.err, "New PIN of counter " + std::to_string(counter) + " (6-12 digits): ");
        if (auto saved = setup::set_counter_pin(file, pin); !saved) {
            ctx.err << "kioskctl: counter " << counter << ": " << saved.error().message << "\n";
            return 1;
        }
        ctx.out << "PIN of counter " << counter << " saved (Argon2id hash) in " << file.string() << "\n";
        return 0;
    }
    if (sub == "pin-status") {
        SystemClock clock;
        auto status = setup::counter_pin_status(file, clock);
        if (!status) {
            ctx.err << "kioskctl: " << status.error().message << "\n";
            return 1;
        }
        ctx.out << "secrets file: " << file.string() << "\n"
                << "pin: " << (status->outcome == setup::CounterPinOutcome::no_pin ? "not set" : "set")
                << "\n"
                << "wrong PINs since last lock: " << status->failures << "\n"
                << "locked for: " << status->locked_seconds << " s\n";
        return 0;
    }
    return usage(ctx);
}

} // namespace kiosk::cli
