#include "kiosk/cli/cmd_setup.hpp"

#include "kiosk/cli/cli_input.hpp"
#include "kiosk/core/setup/audit_log.hpp"
#include "kiosk/core/setup/secrets_file.hpp"
#include "kiosk/core/setup/setup_paths.hpp"

#include <iostream>
#include <sys/stat.h>

namespace kiosk::cli {
namespace {

void audit(const setup::SetupPaths& paths, const std::string& event, const std::string& detail) {
    setup::AuditLog log(paths.audit_log);
    if (auto ok = log.append({std::chrono::system_clock::now(), event, detail}); !ok)
        std::cerr << "kioskctl: audit log: " << ok.error().message << "\n";
}

} // namespace

int run_setup(CliContext& ctx) {
    std::string sub = ctx.args.empty() ? "" : ctx.args[0];
    auto paths = setup::setup_paths(ctx.root.plan().paths.state, ctx.config.setup.secrets_file);
    auto loaded = setup::load_secrets(paths.secrets);
    if (!loaded) {
        ctx.err << "kioskctl: " << loaded.error().message << "\n";
        return 1;
    }
    setup::Secrets secrets = loaded.value();
    if (sub == "set-pin") {
        if (ctx.args.size() > 1) {
            ctx.err << "kioskctl: setup set-pin takes no arguments: the PIN is read from standard input "
                       "(e.g. read -s PIN; printf '%s' \"$PIN\" | kioskctl setup set-pin)\n";
            return 2;
        }
        std::string pin = read_secret_line(std::cerr, "New set-up PIN (6-12 digits): ");
        if (auto problem = setup::check_new_pin(pin); problem != setup::PinProblem::none) {
            ctx.err << "kioskctl: " << setup::pin_problem_text(problem) << "; the PIN was not changed\n";
            return 1;
        }
        auto hash = setup::hash_pin(pin);
        if (!hash) {
            ctx.err << "kioskctl: " << hash.error().message << "\n";
            return 1;
        }
        secrets.pin_hash = hash.value();
        secrets.lock = {};
        secrets.first_run = false;
        if (auto saved = setup::save_secrets(paths.secrets, secrets); !saved) {
            ctx.err << "kioskctl: " << saved.error().message << "\n";
            return 1;
        }
        audit(paths, "pin_set", "by kioskctl");
        ctx.out << "set-up PIN saved (Argon2id hash) in " << paths.secrets.string() << "\n";
        return 0;
    }
    if (sub == "enable-first-run") {
        secrets.first_run = true;
        if (auto saved = setup::save_secrets(paths.secrets, secrets); !saved) {
            ctx.err << "kioskctl: " << saved.error().message << "\n";
            return 1;
        }
        audit(paths, "first_run_enabled", "by kioskctl");
        ctx.out
            << "set-up will open once without a PIN (Ctrl+Alt+S or the corner) and ask for a new PIN first\n";
        return 0;
    }
    if (sub == "status") {
        SystemClock clock;
        setup::PinLockout lockout(clock, secrets.lock);
        ctx.out << "secrets file: " << paths.secrets.string() << "\n"
                << "pin: " << (secrets.has_pin() ? "set" : "not set") << "\n"
                << "first run: " << (secrets.first_run ? "enabled" : "off") << "\n"
                << "wrong PINs since last lock: " << secrets.lock.failures << "\n"
                << "locked: "
                << (lockout.locked() ? "yes, " + std::to_string(lockout.seconds_left()) + " s left" : "no")
                << "\n"
                << "audit log: " << paths.audit_log.string() << "\n";
        return 0;
    }
    ctx.err << "usage: kioskctl setup set-pin | enable-first-run | status\n";
    return 2;
}

} // namespace kiosk::cli
