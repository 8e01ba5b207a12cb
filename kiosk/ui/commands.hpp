#pragma once
// What the UI asks for. Draw code never performs actions itself: it emits commands, and the app applies them
// after the frame is drawn. The shell's own commands (navigation, language, text entry) are listed here; a
// feature's commands are its own types carried in a FeatureCommand and routed to the feature that
// registered the type (see kiosk/features/feature.hpp), so adding a feature never edits this file.

#include <memory>
#include <string>
#include <typeindex>
#include <variant>

namespace kiosk::ui {

// Screen ids are short stable strings owned by the feature that registers the screen ("queue.services").
inline constexpr const char* kHomeScreen = "home";

struct Navigate {
    std::string to;
};
struct GoBack {};
struct GoHome {};
struct ToggleLanguage {};
// The accessibility switches on every screen; the idle timeout turns them off again.
enum class AccessMode { large_text, high_contrast, read_aloud };
struct ToggleAccess {
    AccessMode mode;
};
// Text entry, routed to the feature that owns the screen shown.
struct KeyboardInput {
    std::string text;
}; // keystrokes; the feature composes them (Telex/VNI)
struct KeyboardBackspace {};
struct KeyboardClear {};
struct KeyboardEnter {};
struct SetKeyboardMode {
    int mode;
};

// A feature's own command, type-erased. Immutable once made; cheap to copy.
class FeatureCommand {
  public:
    template <class T> [[nodiscard]] static FeatureCommand of(T value) {
        return FeatureCommand(typeid(T), std::make_shared<const T>(std::move(value)));
    }
    [[nodiscard]] std::type_index type() const { return type_; }
    // The payload when it is a T, else null.
    template <class T> [[nodiscard]] const T* as() const {
        return type_ == std::type_index(typeid(T)) ? static_cast<const T*>(payload_.get()) : nullptr;
    }

  private:
    FeatureCommand(std::type_index type, std::shared_ptr<const void> payload)
        : type_(type), payload_(std::move(payload)) {}
    std::type_index type_;
    std::shared_ptr<const void> payload_;
};

using Command = std::variant<Navigate, GoBack, GoHome, ToggleLanguage, KeyboardInput, KeyboardBackspace,
                             KeyboardClear, KeyboardEnter, SetKeyboardMode, FeatureCommand, ToggleAccess>;

} // namespace kiosk::ui
