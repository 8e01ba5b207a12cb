#pragma once
// A key from a physical keyboard (or a USB barcode scanner, which types like one), as the app's input
// translator reports it. Plain data: no SDL.

#include <cstdint>
#include <string>

namespace kiosk::ui {

struct KeyPress {
    // pointer_down: a press on the screen at (x, y) (features may watch for hidden gestures; the UI itself
    // gets pointers through ImGui). setup_shortcut: Ctrl+Alt+S on a keyboard (staff set-up mode).
    enum class Kind { text, backspace, enter, escape, pointer_down, setup_shortcut } kind;
    std::string text;
    uint32_t timestamp_ms = 0; // monotonic ms, to tell a barcode scanner's burst from a person typing
    float x = 0, y = 0;        // pointer_down only
};

} // namespace kiosk::ui
