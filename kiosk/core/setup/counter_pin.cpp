#include "kiosk/core/setup/counter_pin.hpp"

namespace kiosk::setup {

std::filesystem::path counter_secrets_path(const std::filesystem::path& setup_dir, int counter) {
    return setup_dir / ("counter-" + std::to_string(counter) + ".secrets");
}

Result<CounterPinCheck> counter_pin_status(const std::filesystem::path& file, const Clock& clock) {
    auto secrets = load_secrets(file);
    if (!secrets) return secrets.error();
    PinLockout lockout(clock, secrets->lock);
    CounterPinCheck status;
    status.outcome = !secrets->has_pin() ? CounterPinOutcome::no_pin
                     : lockout.locked()  ? CounterPinOutcome::locked
                                         : CounterPinOutcome::accepted;
    status.locked_seconds = lockout.seconds_left();
    status.failures = secrets->lock.failures;
    return status;
}

Result<CounterPinCheck> check_counter_pin(const std::filesystem::path& file, std::string_view pin,
                                          const Clock& clock) {
    auto loaded = load_secrets(file);
    if (!loaded) return loaded.error();
    Secrets secrets = std::move(loaded).value();
    CounterPinCheck check;
    if (!secrets.has_pin()) return check; // no_pin
    PinLockout lockout(clock, secrets.lock);
    if (lockout.locked()) {
        check.outcome = CounterPinOutcome::locked;
        check.locked_seconds = lockout.seconds_left();
        check.failures = secrets.lock.failures;
        return check;
    }
    if (verify_pin(secrets.pin_hash, pin)) {
        lockout.record_success();
        check.outcome = CounterPinOutcome::accepted;
    } else {
        lockout.record_failure();
        check.outcome = CounterPinOutcome::wrong;
        check.locked_seconds = lockout.seconds_left();
    }
    check.failures = lockout.state().failures;
    if (lockout.state() != secrets.lock) {
        secrets.lock = lockout.state();
        if (auto saved = save_secrets(file, secrets); !saved) return saved.error();
    }
    return check;
}

Status set_counter_pin(const std::filesystem::path& file, std::string_view pin) {
    if (auto problem = check_new_pin(pin); problem != PinProblem::none)
        return make_error("setup.pin", pin_problem_text(problem));
    auto loaded = load_secrets(file);
    if (!loaded) return loaded.error();
    Secrets secrets = std::move(loaded).value();
    auto hash = hash_pin(pin);
    if (!hash) return hash.error();
    secrets.pin_hash = std::move(hash).value();
    secrets.lock = {};
    secrets.first_run = false;
    return save_secrets(file, secrets);
}

} // namespace kiosk::setup
