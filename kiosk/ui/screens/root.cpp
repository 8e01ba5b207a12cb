#include "kiosk/ui/screens/root.hpp"

#include "kiosk/ui/screens/chrome.hpp"
#include "kiosk/ui/screens/dossier_screens.hpp"
#include "kiosk/ui/screens/home.hpp"
#include "kiosk/ui/screens/procedure_screens.hpp"
#include "kiosk/ui/screens/queue_screens.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

namespace kiosk::ui {

namespace {

std::string_view title_key(Screen screen) {
    switch (screen) {
    case Screen::home:
        return "home.greeting";
    case Screen::procedures:
        return "procedures.title";
    case Screen::procedure_search:
        return "procedures.search_title";
    case Screen::procedure_detail:
        return "procedures.detail_title";
    case Screen::dossier_scan:
        return "dossier.scan_title";
    case Screen::dossier_status:
        return "dossier.status_title";
    case Screen::queue_services:
        return "queue.services_title";
    case Screen::queue_ticket:
        return "queue.ticket_title";
    }
    return "";
}

} // namespace

void draw_root(UiContext& ctx, const AppModel& model) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    draw_header(ctx, model);
    Screen screen = model.screen();
    if (screen == Screen::home) {
        draw_home(ctx, model);
    } else {
        draw_nav_row(ctx, ctx.tr(title_key(screen)));
        switch (screen) {
        case Screen::procedures:
            draw_procedure_browse(ctx, model);
            break;
        case Screen::procedure_search:
            draw_procedure_search(ctx, model);
            break;
        case Screen::procedure_detail:
            draw_procedure_detail(ctx, model);
            break;
        case Screen::dossier_scan:
            draw_dossier_scan(ctx, model);
            break;
        case Screen::dossier_status:
            draw_dossier_status(ctx, model);
            break;
        case Screen::queue_services:
            draw_queue_services(ctx, model);
            break;
        case Screen::queue_ticket:
            draw_queue_ticket(ctx, model);
            break;
        case Screen::home:
            break;
        }
    }
    draw_notice(ctx, model);
    ImGui::End();
}

} // namespace kiosk::ui
