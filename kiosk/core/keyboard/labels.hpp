#pragma once
// Translation keys of the on-screen keyboard's word labels (assets/i18n/keyboard.tsv). Letter and digit keys
// show themselves and need no translation. This header holds names only, no text.

#include <array>
#include <string_view>

namespace kiosk::keyboard::labels {

inline constexpr std::string_view backspace = "keyboard.backspace"; // deletes one character
inline constexpr std::string_view clear = "keyboard.clear";         // deletes everything typed
inline constexpr std::string_view space = "keyboard.space";
inline constexpr std::string_view mode_caption = "keyboard.mode.caption"; // under the mode name
inline constexpr std::string_view mode_telex = "keyboard.mode.telex";
inline constexpr std::string_view mode_vni = "keyboard.mode.vni";
inline constexpr std::string_view mode_none = "keyboard.mode.none";

inline constexpr std::array<std::string_view, 7> all = {backspace,  clear,    space,    mode_caption,
                                                        mode_telex, mode_vni, mode_none};

} // namespace kiosk::keyboard::labels
