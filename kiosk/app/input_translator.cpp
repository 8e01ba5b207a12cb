#include "kiosk/app/input_translator.hpp"

#include <imgui.h>

#include <cfloat>
#include <cmath>

namespace kiosk::app {

bool key_kind_from_name(std::string_view name, KeyPress::Kind& out) {
    if (name == "Return" || name == "Enter") return out = KeyPress::Kind::enter, true;
    if (name == "Backspace") return out = KeyPress::Kind::backspace, true;
    if (name == "Escape") return out = KeyPress::Kind::escape, true;
    if (name == "CtrlAltS") return out = KeyPress::Kind::setup_shortcut, true;
    return false;
}

bool InputTranslator::handle(const SDL_Event& event) {
    switch (event.type) {
    case SDL_MOUSEBUTTONDOWN:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return false;
        inject_down(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
        return true;
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return false;
        inject_up(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
        return true;
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID) return false;
        inject_move(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
        return down_ || !queue_.empty();
    case SDL_FINGERDOWN:
        if (finger_active_) return false;
        finger_active_ = true;
        finger_ = event.tfinger.fingerId;
        inject_down(event.tfinger.x * width_, event.tfinger.y * height_);
        return true;
    case SDL_FINGERMOTION:
        if (!finger_active_ || event.tfinger.fingerId != finger_) return false;
        inject_move(event.tfinger.x * width_, event.tfinger.y * height_);
        return true;
    case SDL_FINGERUP:
        if (!finger_active_ || event.tfinger.fingerId != finger_) return false;
        finger_active_ = false;
        inject_up(event.tfinger.x * width_, event.tfinger.y * height_);
        return true;
    case SDL_MOUSEWHEEL:
        ImGui::GetIO().MouseWheel += static_cast<float>(event.wheel.y);
        return true;
    case SDL_TEXTINPUT:
        keys_.push_back({KeyPress::Kind::text, event.text.text, event.text.timestamp});
        return true;
    case SDL_KEYDOWN:
        switch (event.key.keysym.sym) {
        case SDLK_BACKSPACE:
            keys_.push_back({KeyPress::Kind::backspace, {}, event.key.timestamp});
            return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            keys_.push_back({KeyPress::Kind::enter, {}, event.key.timestamp});
            return true;
        case SDLK_ESCAPE:
            keys_.push_back({KeyPress::Kind::escape, {}, event.key.timestamp});
            return true;
        case SDLK_s:
            if ((event.key.keysym.mod & KMOD_CTRL) && (event.key.keysym.mod & KMOD_ALT)) {
                keys_.push_back({KeyPress::Kind::setup_shortcut, {}, event.key.timestamp});
                return true;
            }
            return false;
        default:
            return false;
        }
    default:
        return false;
    }
}

void InputTranslator::inject_down(float x, float y) {
    queue_.push_back({PointerEvent::Kind::down, x, y});
    // Features see presses too (the hidden set-up corner), never as typing.
    keys_.push_back({KeyPress::Kind::pointer_down, {}, SDL_GetTicks(), x, y});
}
void InputTranslator::inject_move(float x, float y) {
    // Coalesce consecutive moves: only the latest position matters within a frame.
    if (!queue_.empty() && queue_.back().kind == PointerEvent::Kind::move)
        queue_.back() = {PointerEvent::Kind::move, x, y};
    else
        queue_.push_back({PointerEvent::Kind::move, x, y});
}
void InputTranslator::inject_up(float x, float y) {
    queue_.push_back({PointerEvent::Kind::up, x, y});
}
void InputTranslator::inject_text(const std::string& text) {
    keys_.push_back({KeyPress::Kind::text, text, SDL_GetTicks()});
}
void InputTranslator::inject_key(KeyPress::Kind kind) {
    keys_.push_back({kind, {}, SDL_GetTicks()});
}

ui::GestureView InputTranslator::begin_frame() {
    ImGuiIO& io = ImGui::GetIO();
    ui::GestureView gesture;
    if (release_frame_) {
        // The frame after a release: the pointer leaves, and the drag state ends.
        release_frame_ = false;
        dragging_ = false;
        x_ = y_ = -FLT_MAX;
    }
    float dy = 0;
    // Apply moves freely, but at most one press/release per frame.
    while (!queue_.empty()) {
        PointerEvent event = queue_.front();
        if (event.kind == PointerEvent::Kind::move) {
            queue_.pop_front();
            x_ = event.x;
            if (down_) {
                if (!dragging_ && std::hypot(event.x - start_x_, event.y - start_y_) > drag_threshold_) {
                    dragging_ = true;
                    last_y_ = start_y_;
                }
                if (dragging_) dy += event.y - last_y_, last_y_ = event.y;
            }
            y_ = event.y;
            continue;
        }
        queue_.pop_front();
        if (event.kind == PointerEvent::Kind::down) {
            down_ = true;
            dragging_ = false;
            start_x_ = x_ = event.x;
            start_y_ = y_ = event.y;
        } else {
            if (down_ && !dragging_ && std::hypot(event.x - start_x_, event.y - start_y_) > drag_threshold_)
                dragging_ = true;
            if (dragging_) dy += event.y - last_y_;
            down_ = false;
            x_ = event.x;
            y_ = event.y;
            release_frame_ = true;
        }
        break;
    }
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = down_;
    gesture.dragging = dragging_;
    gesture.drag_dy = dy;
    return gesture;
}

std::vector<KeyPress> InputTranslator::take_keys() {
    return std::move(keys_);
}

} // namespace kiosk::app
