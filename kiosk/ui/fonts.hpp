#pragma once
// Builds the font atlas: Noto Sans with every glyph the kiosk's strings use (Vietnamese letters, ₫, dashes,
// curly quotes, ellipsis, arrows), at the sizes the theme needs for a given scale. Does not upload the
// texture.

#include "kiosk/ui/theme.hpp"

#include <filesystem>
#include <string>

namespace kiosk::ui {

// Glyph ranges (zero-terminated pairs) covering Vietnamese and the punctuation/currency we print.
[[nodiscard]] const ImWchar* kiosk_glyph_ranges();

// Loads the fonts from `fonts_dir` (NotoSans-Regular.ttf, NotoSans-Bold.ttf) into the current ImGui context.
// Returns an empty string on success, else what was wrong.
[[nodiscard]] std::string load_fonts(const std::filesystem::path& fonts_dir, Theme& theme);

} // namespace kiosk::ui
