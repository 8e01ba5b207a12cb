#pragma once
// Turns SDL mouse and finger events (and synthetic script input) into what ImGui 1.86 can digest reliably,
// one pointer transition per frame: a press and a release that arrive together are spread over two frames so
// a quick tap is never lost. Movement beyond a threshold while pressed turns the press into a drag (scroll),
// and the release of a drag is not a tap. Only the first finger counts; SDL's mouse events synthesised from
// touch are ignored. Text and special keys are queued for the controller. It draws nothing and knows no
// screens.

#include "kiosk/ui/key_press.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <SDL.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

using ui::KeyPress;

// "Return", "Backspace", "Escape" (as in scripts) → key kind.
[[nodiscard]] bool key_kind_from_name(std::string_view name, KeyPress::Kind& out);

class InputTranslator {
  public:
    void set_window_size(int width, int height) { width_ = width, height_ = height; }
    void set_drag_threshold(float pixels) { drag_threshold_ = pixels; }

    // Returns true when the event was input (the frame must be redrawn).
    bool handle(const SDL_Event& event);

    // Synthetic input (scripts), through the same queue as real input.
    void inject_down(float x, float y);
    void inject_move(float x, float y);
    void inject_up(float x, float y);
    void inject_text(const std::string& text);
    void inject_key(KeyPress::Kind kind);

    // Applies the next pointer transition to ImGui's IO for this frame and returns the gesture for the UI.
    ui::GestureView begin_frame();
    // Keys typed since the last call.
    [[nodiscard]] std::vector<KeyPress> take_keys();

    // True while queued pointer transitions still need frames.
    [[nodiscard]] bool pending() const { return !queue_.empty() || release_frame_; }

  private:
    struct PointerEvent {
        enum class Kind { down, move, up } kind;
        float x, y;
    };

    std::deque<PointerEvent> queue_;
    std::vector<KeyPress> keys_;
    int width_ = 1, height_ = 1;
    float drag_threshold_ = 12;
    bool down_ = false;
    bool dragging_ = false;
    bool release_frame_ = false; // the frame after a release moves the pointer away (no phantom hover)
    float start_x_ = 0, start_y_ = 0, last_y_ = 0, x_ = -1, y_ = -1;
    SDL_FingerID finger_ = 0;
    bool finger_active_ = false;
};

} // namespace kiosk::app
