#include "kiosk/ui/theme.hpp"

#include <algorithm>

namespace kiosk::ui {

float scale_for_window(int width, int height) {
    bool portrait = height >= width;
    float design_w = portrait ? 1080.0f : 1920.0f;
    float design_h = portrait ? 1920.0f : 1080.0f;
    return std::max(0.25f, std::min(width / design_w, height / design_h));
}

void apply_style(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.FrameRounding = theme.px(18);
    style.FramePadding = ImVec2(theme.px(24), theme.px(16));
    style.ItemSpacing = ImVec2(theme.px(20), theme.px(20));
    style.ScrollbarSize = theme.px(18);
    style.ScrollbarRounding = theme.px(9);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0.04f);
    c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme.border);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.secondary);
}

} // namespace kiosk::ui
