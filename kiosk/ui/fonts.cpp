#include "kiosk/ui/fonts.hpp"

#include <system_error>

namespace kiosk::ui {

const ImWchar* kiosk_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, // Basic Latin + Latin-1 (×, ·, «»)
        0x0102, 0x0103, // Ă ă
        0x0110, 0x0111, // Đ đ
        0x0128, 0x0129, // Ĩ ĩ
        0x0168, 0x0169, // Ũ ũ
        0x01A0, 0x01A1, // Ơ ơ
        0x01AF, 0x01B0, // Ư ư
        0x1EA0, 0x1EF9, // Vietnamese precomposed letters
        0x2010, 0x2027, // dashes, curly quotes, bullet, ellipsis
        0x20AB, 0x20AB, // ₫
        0,
    };
    return ranges;
}

namespace {

// The huge font draws ticket numbers only ("A015", "UT-B003"): space, '-', '.', '/', digits, ':' and
// capitals.
const ImWchar* huge_glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x0020, 0x002D, 0x003A, 0x0041, 0x005A, 0};
    return ranges;
}

} // namespace

std::string load_fonts(const std::filesystem::path& fonts_dir, Theme& theme) {
    auto regular = fonts_dir / "NotoSans-Regular.ttf";
    auto bold = fonts_dir / "NotoSans-Bold.ttf";
    std::error_code ec;
    for (const auto& path : {regular, bold})
        if (!std::filesystem::exists(path, ec)) return "font file " + path.string() + " is missing";
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 1; // large sizes: horizontal oversampling only costs atlas memory
    config.OversampleV = 1;
    config.PixelSnapH = true;
    auto load = [&](const std::filesystem::path& file, float size, const ImWchar* ranges) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), theme.font_px(size), &config, ranges);
    };
    theme.fonts.body = load(regular, 42, kiosk_glyph_ranges());
    theme.fonts.small = load(regular, 32, kiosk_glyph_ranges());
    theme.fonts.title = load(bold, 54, kiosk_glyph_ranges());
    theme.fonts.huge = load(bold, 150, huge_glyph_ranges());
    if (!theme.fonts.body || !theme.fonts.small || !theme.fonts.title || !theme.fonts.huge)
        return "could not load the fonts from " + fonts_dir.string();
    if (!io.Fonts->Build()) return "font atlas could not be built";
    // The glyphs are baked into the atlas; the four copies of the TrueType files are no longer needed.
    io.Fonts->ClearInputData();
    return {};
}

} // namespace kiosk::ui
