#include "kiosk/ui/widgets/qr_view.hpp"

#include <imgui.h>

namespace kiosk::ui {

void draw_qr(const QrView& qr, float side) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    if (qr.size > 0) {
        float module = side / static_cast<float>(qr.size + 8); // 4-module quiet zone on each side
        float start = module * 4;
        for (int y = 0; y < qr.size; ++y)
            for (int x = 0; x < qr.size; ++x)
                if (qr.modules[static_cast<size_t>(y * qr.size + x)])
                    draw->AddRectFilled(
                        ImVec2(origin.x + start + x * module, origin.y + start + y * module),
                        ImVec2(origin.x + start + (x + 1) * module, origin.y + start + (y + 1) * module),
                        IM_COL32_BLACK);
    }
    ImGui::Dummy(ImVec2(side, side));
}

} // namespace kiosk::ui
