#pragma once
// A key from a physical keyboard (or a USB barcode scanner, which types like one), as the app's input
// translator reports it. Plain data: no SDL.

#include <cstdint>
#include <string>

namespace kiosk::ui {

struct KeyPress {
    enum class Kind { text, backspace, enter, escape } kind;
    std::string text;
    uint32_t timestamp_ms = 0; // monotonic ms, to tell a barcode scanner's burst from a person typing
};

} // namespace kiosk::ui
