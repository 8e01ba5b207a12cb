#pragma once
// The headless UI test script: one step per line, replayed by `kiosk --script FILE`.
//   tap "Visible label" | tap X Y | drag X1 Y1 X2 Y2 | type "text" | key NAME | wait MS
//   expect "visible text" | expect_not "text" | screenshot PATH | set key=value
// '#' starts a comment. Strings are double-quoted; \" and \\ escape. Parsing only: running lives in the app.
// Every step but `wait` first waits (bounded) until input and background work have settled; `tap!`,
// `expect!`, `expect_not!` and `set!` run at once instead, to check that the screen answers (and settings
// change) while slow work is still in flight.

#include "kiosk/core/util/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::script {

enum class StepKind { tap_label, tap_xy, drag, type, key, wait, expect, expect_not, screenshot, set };

struct Step {
    StepKind kind;
    int line = 0;
    std::string text; // label, typed text, key name, expected text, path, or key=value
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    int ms = 0;
    bool no_settle = false; // "!" form: do not wait for background work first
};

// Parses a whole script; the error names the origin, line and what is wrong.
[[nodiscard]] Result<std::vector<Step>> parse_script(std::string_view text, std::string_view origin);

} // namespace kiosk::script
