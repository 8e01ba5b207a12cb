#pragma once
// The on-screen keyboard: large touch keys in QWERTY order under a digit row, drawn with big_button (pressed
// feedback, visible-text recording). Keys change nothing themselves: they emit KeyboardInput{key text} (one
// key, e.g. "a", " ", "-"; the controller feeds it to keyboard::VietComposer::key, which applies Telex/VNI),
// KeyboardBackspace, KeyboardClear and SetKeyboardMode{int(next mode)}. Every key label is recorded as
// tappable visible text, so UI scripts can `tap "q"`, `tap "Xóa"`, `tap "Telex"`. Word labels come from
// assets/i18n/keyboard.tsv. Stateless: everything it shows comes from the KeyboardView. It does not draw the
// text field being typed into.

#include "kiosk/core/keyboard/composer.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

enum class KeyboardLayout {
    letters, // search: digits, lowercase a–z, space bar, input-mode key (Telex / VNI / Không dấu)
    code, // dossier codes: digits, uppercase A–Z, '-', '.'; no space bar, no mode key (use InputMode::none)
    url, // addresses, ids and tokens (set-up): digits, lowercase a–z, '.', '/', ':', '-', '_'; no space bar
};

struct KeyboardView {
    KeyboardLayout layout = KeyboardLayout::letters;
    keyboard::InputMode mode = keyboard::InputMode::telex; // shown on the mode key
    bool has_text = true; // false greys out the delete keys (nothing to delete)
};

// The height draw_keyboard() takes for `width`, to lay out the rest of the screen above it.
[[nodiscard]] float keyboard_height(const UiContext& ctx, const KeyboardView& view, float width);

// Draws the keyboard at the cursor, `width` wide, and moves the cursor below it.
void draw_keyboard(UiContext& ctx, const KeyboardView& view, float width);

} // namespace kiosk::ui
