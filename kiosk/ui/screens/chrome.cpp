#include "kiosk/ui/screens/chrome.hpp"

#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

#include <cstdio>

namespace kiosk::ui {

std::string clock_date_text(const UiContext& ctx, const ClockView& clock) {
    static const char* const weekday_keys[] = {"weekday.sun", "weekday.mon", "weekday.tue", "weekday.wed",
                                               "weekday.thu", "weekday.fri", "weekday.sat"};
    char date[32];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", clock.day, clock.month, clock.year);
    return ctx.fmt("clock.date", {ctx.tr(weekday_keys[clock.weekday % 7]), date});
}

float draw_header(UiContext& ctx, const ShellModel& model) {
    const Theme& theme = ctx.theme();
    const config::Config& config = *model.config;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float height = theme.px(190);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), theme.header);
    float pad = theme.px(40);

    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", model.clock.hour, model.clock.minute);
    ImFont* clock_font = theme.fonts.title;
    ImVec2 time_size = measure(clock_font, time);
    float right = origin.x + width - pad;
    std::string date = clock_date_text(ctx, model.clock);
    ImVec2 date_size = measure(theme.fonts.small, date);
    float clock_w = std::max(time_size.x, date_size.x);
    text_at(ctx, clock_font, time, ImVec2(right - time_size.x, origin.y + theme.px(34)), theme.header_text);
    text_at(ctx, theme.fonts.small, date, ImVec2(right - date_size.x, origin.y + theme.px(34) + time_size.y),
            IM_COL32(255, 225, 225, 255));

    float text_w = width - 3 * pad - clock_w;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + theme.px(30)));
    text_block(ctx, theme.fonts.small, ctx.pick(config.office.subtitle_vi, config.office.subtitle_en),
               IM_COL32(255, 225, 225, 255), text_w);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y - theme.px(12)));
    text_block(ctx, theme.fonts.title, ctx.pick(config.office.name_vi, config.office.name_en),
               theme.header_text, text_w);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    return height;
}

float draw_nav_row(UiContext& ctx, std::string_view title) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float pad = theme.px(40);
    float button_h = theme.min_target();
    float row_h = button_h + theme.px(40);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + theme.px(20)));
    auto fit = [&](std::string_view label) {
        return std::max(theme.px(250), measure(theme.fonts.title, label).x + theme.px(90));
    };
    if (big_button(
            ctx, "nav-back",
            {ctx.tr("nav.back"), {}, ImVec2(fit(ctx.tr("nav.back")), button_h), ButtonStyle::secondary}))
        ctx.emit(GoBack{});
    ImGui::SameLine();
    if (big_button(
            ctx, "nav-home",
            {ctx.tr("nav.home"), {}, ImVec2(fit(ctx.tr("nav.home")), button_h), ButtonStyle::secondary}))
        ctx.emit(GoHome{});
    float lang_w = fit(ctx.tr("nav.other_language"));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - lang_w, origin.y + theme.px(20)));
    if (big_button(ctx, "nav-lang",
                   {ctx.tr("nav.other_language"), {}, ImVec2(lang_w, button_h), ButtonStyle::secondary}))
        ctx.emit(ToggleLanguage{});
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + row_h));
    text_block(ctx, theme.fonts.title, title, theme.text, width - 2 * pad);
    float used = ImGui::GetCursorScreenPos().y - origin.y;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + used));
    return used;
}

void draw_notice(UiContext& ctx, const ShellModel& model) {
    if (model.notice_key.empty()) return;
    const Theme& theme = ctx.theme();
    ImVec2 display = ImGui::GetIO().DisplaySize;
    std::string text(ctx.tr(model.notice_key));
    if (!model.notice_detail.empty()) text += " " + model.notice_detail;
    float pad = theme.px(30);
    ImVec2 size = measure(theme.fonts.small, text, display.x - 2 * pad);
    float top = display.y - size.y - 2 * pad;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), display, theme.warning);
    ImGui::SetCursorScreenPos(ImVec2(pad, top + pad));
    text_block(ctx, theme.fonts.small, text, IM_COL32_WHITE, display.x - 2 * pad);
}

} // namespace kiosk::ui
