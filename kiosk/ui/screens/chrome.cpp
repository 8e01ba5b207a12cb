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
    float pad = theme.px(40);
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", model.clock.hour, model.clock.minute);
    ImFont* clock_font = theme.fonts.title;
    ImVec2 time_size = measure(clock_font, time);
    float right = origin.x + width - pad;
    std::string date = clock_date_text(ctx, model.clock);
    ImVec2 date_size = measure(theme.fonts.small, date);
    // Landscape with large text has little height: one line, the office name on the left and the date and
    // time on the right (no subtitle), so the screen's own content keeps the height.
    bool compact = theme.text_scale > 1.0f && ImGui::GetIO().DisplaySize.x > ImGui::GetIO().DisplaySize.y;
    float clock_w = compact ? time_size.x + theme.px(24) + date_size.x : std::max(time_size.x, date_size.x);
    float text_w = width - 3 * pad - clock_w;
    std::string subtitle =
        compact ? std::string() : ctx.pick(config.office.subtitle_vi, config.office.subtitle_en);
    const std::string& name = ctx.pick(config.office.name_vi, config.office.name_en);
    // The header grows with large text so the office name never leaves it.
    float text_h = 1.15f * ((subtitle.empty() ? 0 : measure(theme.fonts.small, subtitle, text_w).y) +
                            measure(theme.fonts.title, name, text_w).y);
    float clock_h = compact ? time_size.y : time_size.y + date_size.y;
    float top_pad = theme.px(compact ? 16 : 30);
    float height = compact ? std::max(text_h, clock_h) + 2 * top_pad
                           : std::max({theme.px(190), text_h + theme.px(48), clock_h + theme.px(68)});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), theme.header);
    if (compact) {
        float clock_y = origin.y + top_pad;
        text_at(ctx, clock_font, time, ImVec2(right - time_size.x, clock_y), theme.header_text);
        text_at(ctx, theme.fonts.small, date,
                ImVec2(right - time_size.x - theme.px(24) - date_size.x,
                       clock_y + (time_size.y - date_size.y) * 0.6f),
                theme.header_subtle);
    } else {
        text_at(ctx, clock_font, time, ImVec2(right - time_size.x, origin.y + theme.px(34)),
                theme.header_text);
        text_at(ctx, theme.fonts.small, date,
                ImVec2(right - date_size.x, origin.y + theme.px(34) + time_size.y), theme.header_subtle);
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + top_pad));
    if (!subtitle.empty()) {
        text_block(ctx, theme.fonts.small, subtitle, theme.header_subtle, text_w);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y - theme.px(12)));
    }
    text_block(ctx, theme.fonts.title, name, theme.header_text, text_w);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    return height;
}

float draw_nav_row(UiContext& ctx, std::string_view title) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float pad = theme.px(40);
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    float button_h = theme.min_target();
    float row_h = button_h + theme.px(40);
    auto fit = [&](std::string_view label) {
        return std::max(theme.px(250), measure(theme.fonts.title, label).x + theme.px(90));
    };
    float back_w = fit(ctx.tr("nav.back")), home_w = fit(ctx.tr("nav.home"));
    float lang_w = fit(ctx.tr("nav.other_language"));
    // Large text on a narrow screen: back and home on the first line, the language button beside the title
    // on the second, so no button ever covers another.
    bool one_line = 2 * pad + back_w + home_w + lang_w + 3 * spacing <= width;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + theme.px(20)));
    if (big_button(ctx, "nav-back",
                   {ctx.tr("nav.back"), {}, ImVec2(back_w, button_h), ButtonStyle::secondary}))
        ctx.emit(GoBack{});
    ImGui::SameLine();
    if (big_button(ctx, "nav-home",
                   {ctx.tr("nav.home"), {}, ImVec2(home_w, button_h), ButtonStyle::secondary}))
        ctx.emit(GoHome{});
    float lang_y = one_line ? origin.y + theme.px(20) : origin.y + row_h;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - pad - lang_w, lang_y));
    if (big_button(ctx, "nav-lang",
                   {ctx.tr("nav.other_language"), {}, ImVec2(lang_w, button_h), ButtonStyle::secondary}))
        ctx.emit(ToggleLanguage{});
    // The title goes between the buttons when it fits on one line there (landscape: height is scarce),
    // else on its own line below them (beside the language button when that moved down).
    float home_right = origin.x + pad + back_w + spacing + home_w;
    float middle_w = origin.x + width - pad - lang_w - home_right - 2 * pad;
    // Between the buttons the title may use the body font when the title font is too wide there.
    ImFont* inline_font =
        measure(theme.fonts.title, title).x <= middle_w ? theme.fonts.title : theme.fonts.body;
    ImVec2 title_size = measure(inline_font, title);
    float used;
    if (one_line && ImGui::GetIO().DisplaySize.x > ImGui::GetIO().DisplaySize.y && title_size.x <= middle_w) {
        ImGui::SetCursorScreenPos(
            ImVec2(home_right + pad, origin.y + theme.px(20) + (button_h - title_size.y * 1.15f) / 2));
        text_block(ctx, inline_font, title, theme.text, middle_w);
        used = row_h;
    } else {
        float title_w = width - 2 * pad - (one_line ? 0 : lang_w + pad);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + row_h));
        text_block(ctx, theme.fonts.title, title, theme.text, title_w);
        used = ImGui::GetCursorScreenPos().y - origin.y;
        if (!one_line) used = std::max(used, row_h + button_h + theme.px(20));
    }
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
