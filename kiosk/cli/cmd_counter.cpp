#include "kiosk/cli/cmd_counter.hpp"

#include "kiosk/core/setup/counter_pin.hpp"
#include "kiosk/core/setup/setup_paths.hpp"

#include <chrono>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace kiosk::cli {
namespace {

class WallClock final : public Clock {
  public:
    [[nodiscard]] time_point now() const override { return std::chrono::system_clock::now(); }
    [[nodiscard]] std::int64_t monotonic_ms() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

// One line from standard input; echo is off while a person types it at a terminal.
std::string read_secret_line(std::ostream& prompt_to, int counter) {
    termios saved{};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        prompt_to << "New PIN of counter " << counter << " (6-12 digits): " << std::flush;
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        prompt_to << "\n";
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

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
        const std::string pin = read_secret_line(ctx.err, counter);
        if (auto saved = setup::set_counter_pin(file, pin); !saved) {
            ctx.err << "kioskctl: counter " << counter << ": " << saved.error().message << "\n";
            return 1;
        }
        ctx.out << "PIN of counter " << counter << " saved (Argon2id hash) in " << file.string() << "\n";
        return 0;
    }
    if (sub == "pin-status") {
        WallClock clock;
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
