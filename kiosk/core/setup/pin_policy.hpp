#pragma once
// What a set-up PIN must look like (6–12 digits, not trivially guessable) and the lock-out that slows down
// guessing: five wrong PINs lock the pad for 30 s, the next five for 2 min, then 10 min, then 1 h each time.
// The lock state is plain data (LockState) so the secrets file can persist it across a restart or a power
// cut; PinLockout applies the rules to it with an injected wall clock. It does not hash or store anything.

#include "kiosk/core/util/clock.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::setup {

inline constexpr int kMinPinDigits = 6;
inline constexpr int kMaxPinDigits = 12;
inline constexpr int kFailuresBeforeLock = 5;

enum class PinProblem { none, not_digits, too_short, too_long, too_simple };

// Checks a new PIN; `none` when it may be used.
[[nodiscard]] PinProblem check_new_pin(std::string_view pin);
// Translation key for staff ("setup.pin_error.too_short", ...); empty for `none`.
[[nodiscard]] std::string pin_problem_key(PinProblem problem);
// The same in English, for kioskctl.
[[nodiscard]] std::string pin_problem_text(PinProblem problem);

// One key of a PIN pad (set-up and the counter console): '0'-'9' appends a digit (up to kMaxPinDigits), 'B'
// removes the last one, 'C' clears, 'E' asks to check what was typed (the entry is left as it is). Returns
// true for 'E'; other keys are ignored.
[[nodiscard]] bool apply_pin_key(std::string& entry, char key);

struct LockState {
    int failures = 0;              // wrong PINs since the last lock or success
    int locks = 0;                 // locks in a row (chooses the next delay); a right PIN resets it
    std::int64_t locked_until = 0; // unix seconds; 0 = not locked
    bool operator==(const LockState&) const = default;
};

// How long the n-th lock in a row lasts (n from 1): 30 s, 2 min, 10 min, then 1 h.
[[nodiscard]] std::chrono::seconds lock_delay(int nth_lock);

// The lock-out rules over a LockState. The caller persists state() after every change.
class PinLockout {
  public:
    PinLockout(const Clock& clock, LockState state);

    [[nodiscard]] bool locked() const { return seconds_left() > 0; }
    [[nodiscard]] std::int64_t seconds_left() const;
    // A wrong PIN; returns true when this one locked the pad.
    bool record_failure();
    // The right PIN: counters start over.
    void record_success();
    [[nodiscard]] const LockState& state() const { return state_; }

  private:
    [[nodiscard]] std::int64_t now_s() const;
    const Clock& clock_;
    LockState state_;
};

} // namespace kiosk::setup
