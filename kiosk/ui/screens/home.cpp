#include "kiosk/ui/screens/home.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void draw_home(UiContext& ctx, const std::vector<HomeEntry>& entries) {
    const Theme& theme = ctx.theme();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float pad = theme.px(60);
    bool landscape = avail.x > avail.y;
    float content_w = avail.x - 2 * pad;

    // Language switch, top right under the header.
    float lang_w =
        std::max(theme.px(220), measure(theme.fonts.title, ctx.tr("nav.other_language")).x + theme.px(90));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + avail.x - pad - lang_w, origin.y + theme.px(30)));
    if (big_button(ctx, "home-lang",
                   {ctx.tr("nav.other_language"), {}, ImVec2(lang_w, 0), ButtonStyle::secondary}))
        ctx.emit(ToggleLanguage{});
    float lang_bottom = ImGui::GetItemRectMax().y;

    // Large text in landscape leaves little height: the entries and the help line below them need it more
    // than the prompt (the entries say what they do), so the prompt is left out there.
    bool tight = landscape && theme.text_scale > 1.0f;
    // Large text in portrait: less air above and below the greeting, so the help line stays on screen.
    bool large_portrait = !landscape && theme.text_scale > 1.0f;
    ImGui::SetCursorScreenPos(
        ImVec2(origin.x + pad, origin.y + theme.px(tight                         ? 30
                                                   : landscape || large_portrait ? 40
                                                                                 : 80)));
    text_block(ctx, theme.fonts.title, ctx.tr("home.greeting"), theme.text,
               content_w - lang_w - theme.px(20));
    if (!tight) {
        // The prompt spans the width, so it starts below the language button.
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + pad, std::max(ImGui::GetCursorScreenPos().y, lang_bottom + theme.px(10))));
        text_block(ctx, theme.fonts.body, ctx.tr("home.prompt"), theme.muted, content_w);
    }
    gap(ctx, large_portrait ? 16 : tight || landscape ? 30 : 60);

    float top = ImGui::GetCursorScreenPos().y;
    float footer_h = theme.px(150);
    float spacing = theme.px(large_portrait ? 20 : 40);
    float space = origin.y + avail.y - footer_h - top;
    int count = static_cast<int>(entries.size());
    float n = static_cast<float>(std::max(count, 1));
    // The height the tallest entry's words need in a button `w` wide (big_button grows to it anyway; all
    // entries get the same height so they line up and nothing below is covered).
    auto needed_height = [&](float w) {
        float pad = std::min(theme.px(36), w * 0.08f), text_w = w - 2 * pad, most = 0;
        for (const auto& e : entries)
            most = std::max(most, measure(theme.fonts.title, ctx.tr(e.title_key), text_w).y + theme.px(8) +
                                      measure(theme.fonts.small, ctx.tr(e.hint_key), text_w).y +
                                      theme.px(landscape        ? 56
                                               : large_portrait ? 40
                                                                : 32));
        return most;
    };
    float footer_y = origin.y + avail.y - footer_h + theme.px(20);
    if (landscape) {
        float w = (content_w - (n - 1) * spacing) / n;
        float h = std::max(std::min(space - spacing, theme.px(560)), needed_height(w));
        footer_y = std::max(footer_y, top + h + theme.px(30));
        for (int i = 0; i < count; ++i) {
            const HomeEntry& e = entries[static_cast<size_t>(i)];
            ImGui::SetCursorScreenPos(ImVec2(origin.x + pad + i * (w + spacing), top));
            if (big_button(ctx, e.id.c_str(),
                           {ctx.tr(e.title_key), ctx.tr(e.hint_key), ImVec2(w, h),
                            e.primary ? ButtonStyle::primary : ButtonStyle::secondary}))
                ctx.emit(Navigate{e.screen});
        }
    } else {
        float h = std::max(std::min((space - n * spacing) / n, theme.px(330)), needed_height(content_w));
        footer_y = std::max(footer_y, top + n * h + (n - 1) * spacing + theme.px(large_portrait ? 20 : 30));
        for (int i = 0; i < count; ++i) {
            const HomeEntry& e = entries[static_cast<size_t>(i)];
            ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, top + i * (h + spacing)));
            if (big_button(ctx, e.id.c_str(),
                           {ctx.tr(e.title_key), ctx.tr(e.hint_key), ImVec2(content_w, h),
                            e.primary ? ButtonStyle::primary : ButtonStyle::secondary}))
                ctx.emit(Navigate{e.screen});
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, footer_y));
    text_block(ctx, theme.fonts.small, ctx.tr("home.help"), theme.muted, content_w, true);
}

} // namespace kiosk::ui
