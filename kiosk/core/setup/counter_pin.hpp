#pragma once
// Counter PINs: staff identify at a counter console with that counter's PIN. Each counter has its own
// secrets file, <state>/setup/counter-N.secrets, in the set-up secrets format (secrets_file.hpp: Argon2id
// hash via libsodium, lock-out state, mode 0600, atomic and fsync'ed), and wrong PINs lock the pad by the
// set-up policy (pin_policy.hpp: 5 wrong → 30 s, then 2 min, 10 min, 1 h). This file only ties those two
// together per counter; it has no hashing or file format of its own. Checking and setting are slow on
// purpose (Argon2id): call them on a worker. It does not know who the staff member is (one PIN per counter).

#include "kiosk/core/setup/pin_policy.hpp"
#include "kiosk/core/setup/secrets_file.hpp"
#include "kiosk/core/util/clock.hpp"
#include "kiosk/core/util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace kiosk::setup {

// <setup dir>/counter-N.secrets (setup_dir: SetupPaths::dir).
[[nodiscard]] std::filesystem::path counter_secrets_path(const std::filesystem::path& setup_dir, int counter);

enum class CounterPinOutcome {
    accepted, // the right PIN: lock-out counters start over
    wrong,    // a wrong PIN (recorded; `locked_seconds` > 0 when this one locked the pad)
    locked,   // the pad is locked; the PIN was not checked
    no_pin,   // no PIN was set for this counter (kioskctl counter set-pin N)
};

struct CounterPinCheck {
    CounterPinOutcome outcome = CounterPinOutcome::no_pin;
    std::int64_t locked_seconds = 0; // how long the pad stays locked now
    int failures = 0;                // wrong PINs since the last lock or success
};

// Whether a PIN is set, and the current lock; an unreadable file is an error (never "no PIN").
[[nodiscard]] Result<CounterPinCheck> counter_pin_status(const std::filesystem::path& file,
                                                         const Clock& clock);
// Checks `pin` and persists the lock-out state before returning.
[[nodiscard]] Result<CounterPinCheck> check_counter_pin(const std::filesystem::path& file,
                                                        std::string_view pin, const Clock& clock);
// Sets a new PIN (the set-up PIN rules: 6–12 digits, not trivial) and clears the lock.
[[nodiscard]] Status set_counter_pin(const std::filesystem::path& file, std::string_view pin);

} // namespace kiosk::setup
