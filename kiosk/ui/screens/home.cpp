#include "kiosk/ui/screens/home.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void draw_home(UiContext& ctx, const AppModel& model) {
    (void)model;
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

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + theme.px(landscape ? 40 : 80)));
    text_block(ctx, theme.fonts.title, ctx.tr("home.greeting"), theme.text,
               content_w - lang_w - theme.px(20));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y));
    text_block(ctx, theme.fonts.body, ctx.tr("home.prompt"), theme.muted, content_w);
    gap(ctx, landscape ? 30 : 60);

    struct Action {
        const char* id;
        const char* title;
        const char* subtitle;
        Screen to;
    };
    const Action actions[] = {
        {"home-procedures", "home.procedures", "home.procedures_hint", Screen::procedures},
        {"home-dossier", "home.dossier", "home.dossier_hint", Screen::dossier_scan},
        {"home-queue", "home.queue", "home.queue_hint", Screen::queue_services},
    };
    float top = ImGui::GetCursorScreenPos().y;
    float footer_h = theme.px(150);
    float spacing = theme.px(40);
    float space = origin.y + avail.y - footer_h - top;
    if (landscape) {
        float w = (content_w - 2 * spacing) / 3;
        float h = std::min(space - spacing, theme.px(560));
        for (int i = 0; i < 3; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + pad + i * (w + spacing), top));
            if (big_button(ctx, actions[i].id,
                           {ctx.tr(actions[i].title), ctx.tr(actions[i].subtitle), ImVec2(w, h),
                            i == 2 ? ButtonStyle::primary : ButtonStyle::secondary}))
                ctx.emit(Navigate{actions[i].to});
        }
    } else {
        float h = std::min((space - 3 * spacing) / 3, theme.px(330));
        for (int i = 0; i < 3; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, top + i * (h + spacing)));
            if (big_button(ctx, actions[i].id,
                           {ctx.tr(actions[i].title), ctx.tr(actions[i].subtitle), ImVec2(content_w, h),
                            i == 2 ? ButtonStyle::primary : ButtonStyle::secondary}))
                ctx.emit(Navigate{actions[i].to});
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + avail.y - footer_h + theme.px(20)));
    text_block(ctx, theme.fonts.small, ctx.tr("home.help"), theme.muted, content_w, true);
}

} // namespace kiosk::ui
