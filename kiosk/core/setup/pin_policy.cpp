#include "kiosk/core/setup/pin_policy.hpp"

#include <algorithm>

namespace kiosk::setup {

PinProblem check_new_pin(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return PinProblem::not_digits;
    if (pin.size() < static_cast<size_t>(kMinPinDigits)) return PinProblem::too_short;
    if (pin.size() > static_cast<size_t>(kMaxPinDigits)) return PinProblem::too_long;
    // One digit repeated, or a run up or down (123456, 987654): the first guesses anyone tries.
    bool same = true, up = true, down = true;
    for (size_t i = 1; i < pin.size(); ++i) {
        same = same && pin[i] == pin[0];
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (same || up || down) return PinProblem::too_simple;
    return PinProblem::none;
}

std::string pin_problem_key(PinProblem problem) {
    switch (problem) {
    case PinProblem::none:
        return {};
    case PinProblem::not_digits:
        return "setup.pin_error.not_digits";
    case PinProblem::too_short:
        return "setup.pin_error.too_short";
    case PinProblem::too_long:
        return "setup.pin_error.too_long";
    case PinProblem::too_simple:
        return "setup.pin_error.too_simple";
    }
    return {};
}

bool apply_pin_key(std::string& entry, char key) {
    if (key == 'E') return true;
    if (key == 'B') {
        if (!entry.empty()) entry.pop_back();
    } else if (key == 'C') {
        entry.clear();
    } else if (key >= '0' && key <= '9' && entry.size() < static_cast<std::size_t>(kMaxPinDigits)) {
        entry += key;
    }
    return false;
}

std::string pin_problem_text(PinProblem problem) {
    switch (problem) {
    case PinProblem::none:
        return {};
    case PinProblem::not_digits:
        return "the PIN must be digits only";
    case PinProblem::too_short:
        return "the PIN must have at least 6 digits";
    case PinProblem::too_long:
        return "the PIN must have at most 12 digits";
    case PinProblem::too_simple:
        return "the PIN is too easy to guess (one digit repeated, or a run like 123456)";
    }
    return {};
}

std::chrono::seconds lock_delay(int nth_lock) {
    using namespace std::chrono;
    if (nth_lock <= 1) return seconds(30);
    if (nth_lock == 2) return minutes(2);
    if (nth_lock == 3) return minutes(10);
    return hours(1);
}

PinLockout::PinLockout(const Clock& clock, LockState state) : clock_(clock), state_(state) {
    // A lock further away than the longest delay means the wall clock jumped back: hold the longest delay.
    auto longest = lock_delay(4).count();
    if (state_.locked_until > now_s() + longest) state_.locked_until = now_s() + longest;
}

std::int64_t PinLockout::now_s() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

std::int64_t PinLockout::seconds_left() const {
    return std::max<std::int64_t>(0, state_.locked_until - now_s());
}

bool PinLockout::record_failure() {
    if (locked()) return false; // the pad takes no PIN while locked
    if (++state_.failures < kFailuresBeforeLock) return false;
    state_.failures = 0;
    ++state_.locks;
    state_.locked_until = now_s() + lock_delay(state_.locks).count();
    return true;
}

void PinLockout::record_success() {
    state_ = {};
}

} // namespace kiosk::setup
