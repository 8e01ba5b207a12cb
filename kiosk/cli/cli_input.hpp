#pragma once
// Small pieces kioskctl's commands share: a secret read from standard input (echo off while a person types
// it at a terminal; a pipe works unchanged) and the plain system clock. Nothing here parses or checks a PIN.

#include "kiosk/core/util/clock.hpp"

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace kiosk::cli {

// Reads one line; `prompt` goes to `prompt_to` only when standard input is a terminal. Trailing CR and
// spaces are dropped.
[[nodiscard]] std::string read_secret_line(std::ostream& prompt_to, std::string_view prompt);

class SystemClock final : public Clock {
  public:
    [[nodiscard]] time_point now() const override { return std::chrono::system_clock::now(); }
    [[nodiscard]] std::int64_t monotonic_ms() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace kiosk::cli
