#include "kiosk/ui/screens/root.hpp"

#include "kiosk/ui/screens/access_bar.hpp"
#include "kiosk/ui/screens/chrome.hpp"
#include "kiosk/ui/screens/home.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

namespace kiosk::ui {

void draw_root(UiContext& ctx, const ShellModel& model, const ScreenSpec* current,
               const std::vector<HomeEntry>& home_entries) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    if (current && current->chromeless) {
        current->draw(ctx);
        ImGui::End();
        return;
    }
    draw_header(ctx, model);
    // The accessibility switches: a row under the header on every citizen screen (staff screens have none).
    if (!current || !current->staff) draw_access_bar(ctx, model);
    if (model.screen() == kHomeScreen || !current) {
        ctx.mark_content_start();
        draw_home(ctx, home_entries);
    } else {
        draw_nav_row(ctx, ctx.tr(current->title_key));
        ctx.mark_content_start();
        current->draw(ctx);
    }
    draw_notice(ctx, model);
    ImGui::End();
}

} // namespace kiosk::ui
