#include "kiosk/features/setup/setup_screens.hpp"

#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <string>

namespace kiosk::ui {
namespace {

namespace cmd = features::setup_ui;

// The content column every set-up screen draws in; returns its width.
float begin_column(UiContext& ctx) {
    float pad = ctx.theme().px(40);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, 0));
    return width;
}

void end_column() {
    ImGui::EndGroup();
}

void message_line(UiContext& ctx, const SetupModel& m, float width) {
    if (m.message_key.empty()) return;
    // The argument may itself be a translation key (a step name); otherwise it is shown as it is.
    std::string arg = ctx.translator_has(m.message_arg) ? std::string(ctx.tr(m.message_arg)) : m.message_arg;
    std::string text = arg.empty() ? std::string(ctx.tr(m.message_key)) : ctx.fmt(m.message_key, {arg});
    boxed(ctx, width, m.message_error ? ctx.theme().danger : ctx.theme().success,
          [&](float inner) { text_block(ctx, ctx.theme().fonts.body, text, ctx.theme().text, inner); });
    gap(ctx, 10);
}

bool secondary(UiContext& ctx, const char* id, std::string_view title, float width, bool enabled = true,
               std::string_view subtitle = {}) {
    return big_button(ctx, id, {title, subtitle, ImVec2(width, 0), ButtonStyle::secondary, enabled});
}

} // namespace

void draw_setup_pin(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    float width = begin_column(ctx);
    const char* prompt = m.pin_mode == SetupModel::PinMode::enter ? "setup.pin_prompt"
                         : m.pin_mode == SetupModel::PinMode::create
                             ? (m.pin_changing ? "setup.pin_change_prompt" : "setup.pin_create_prompt")
                             : "setup.pin_confirm_prompt";
    text_block(ctx, theme.fonts.body, ctx.tr(prompt), theme.text, width);
    // One dot per typed digit: the digits themselves are never drawn.
    std::string dots;
    for (int i = 0; i < m.pin_digits; ++i)
        dots += "• ";
    text_block(ctx, theme.fonts.title, dots.empty() ? std::string("–") : dots, theme.primary, width, true);
    if (m.locked_seconds > 0)
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.pin_locked", {std::to_string(m.locked_seconds)}),
                   theme.danger, width);
    else if (!m.pin_message_key.empty())
        text_block(ctx, theme.fonts.body,
                   m.pin_message_arg.empty() ? std::string(ctx.tr(m.pin_message_key))
                                             : ctx.fmt(m.pin_message_key, {m.pin_message_arg}),
                   theme.danger, width);
    if (m.checking) text_block(ctx, theme.fonts.small, ctx.tr("setup.pin_checking"), theme.muted, width);
    gap(ctx, 16);
    bool enabled = !m.checking && m.locked_seconds == 0;
    float key_w = (width - 2 * theme.px(24)) / 3;
    float key_h = theme.px(130);
    const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'C', '0', 'B'};
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, theme.px(24));
        char key = keys[i];
        std::string label = key == 'C'   ? std::string(ctx.tr("setup.pin_clear"))
                            : key == 'B' ? std::string(ctx.tr("setup.pin_erase"))
                                         : std::string(1, key);
        std::string id = std::string("pin-") + key;
        if (big_button(ctx, id.c_str(), {label, {}, ImVec2(key_w, key_h), ButtonStyle::secondary, enabled}))
            ctx.send(cmd::PinKey{key});
        if (i % 3 == 2) gap(ctx, 12);
    }
    gap(ctx, 8);
    if (big_button(ctx, "pin-ok",
                   {ctx.tr("setup.pin_ok"),
                    {},
                    ImVec2(width, 0),
                    ButtonStyle::primary,
                    enabled && m.pin_digits > 0}))
        ctx.send(cmd::PinKey{'E'});
    end_column();
}

void draw_setup_home(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    float width = begin_column(ctx);
    text_block(ctx, theme.fonts.small, ctx.tr("setup.home_hint"), theme.muted, width);
    gap(ctx, 10);
    message_line(ctx, m, width);
    float half = (width - theme.px(24)) / 2;
    const std::pair<const char*, const char*> entries[] = {
        {cmd::kOfficeScreen, "setup.office_title"},   {cmd::kNetworkScreen, "setup.network_title"},
        {cmd::kPrinterScreen, "setup.printer_title"}, {cmd::kScannerScreen, "setup.scanner_title"},
        {cmd::kHealthScreen, "setup.health_title"},   {cmd::kMaintenanceScreen, "setup.maintenance_title"},
        {cmd::kAuditScreen, "setup.audit_title"},     {cmd::kServicesScreen, "setup.services_title"},
    };
    int i = 0;
    for (const auto& [screen, title] : entries) {
        if (i % 2) ImGui::SameLine(0, theme.px(24));
        if (big_button(ctx, screen, {ctx.tr(title), {}, ImVec2(half, theme.px(150)), ButtonStyle::secondary}))
            ctx.emit(Navigate{screen});
        if (i % 2) gap(ctx, 12);
        ++i;
    }
    gap(ctx, 12);
    if (secondary(ctx, "setup-undo", ctx.tr("setup.undo"), width, m.can_undo && !m.working))
        ctx.send(cmd::UndoLastChange{});
    gap(ctx, 12);
    if (big_button(ctx, "setup-close",
                   {ctx.tr("setup.close"), {}, ImVec2(width, 0), ButtonStyle::primary, true}))
        ctx.send(cmd::CloseSetup{});
    end_column();
}

void draw_setup_office(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    // Save and undo stay in view above the settings, which scroll.
    float half = (width - theme.px(24)) / 2;
    if (big_button(
            ctx, "setup-save",
            {ctx.tr("setup.save"), {}, ImVec2(half, 0), ButtonStyle::primary, m.draft_changed && !m.working}))
        ctx.send(cmd::SaveDraft{});
    ImGui::SameLine(0, theme.px(24));
    if (secondary(ctx, "office-undo", ctx.tr("setup.undo_short"), half, m.can_undo && !m.working))
        ctx.send(cmd::UndoLastChange{});
    gap(ctx, 16);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "office", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        float third = (w - 2 * theme.px(24)) / 3;
        auto row_label = [&](const char* key, const std::string& value) {
            text_block(ctx, theme.fonts.body, ctx.fmt(key, {value}), theme.text, w);
        };
        row_label("setup.office_language", m.language == "en" ? "English" : "Tiếng Việt");
        if (secondary(ctx, "lang-vi", "Tiếng Việt", third, m.language != "vi"))
            ctx.send(cmd::EditDraft{"ui.language", "vi"});
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "lang-en", "English", third, m.language != "en"))
            ctx.send(cmd::EditDraft{"ui.language", "en"});
        gap(ctx, 12);
        row_label("setup.office_idle", std::to_string(m.idle_timeout_s));
        if (secondary(ctx, "idle-less", "-10 s", third, m.idle_timeout_s > 10))
            ctx.send(cmd::EditDraft{"ui.idle_timeout_s", std::to_string(m.idle_timeout_s - 10)});
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "idle-more", "+10 s", third, m.idle_timeout_s < 3600))
            ctx.send(cmd::EditDraft{"ui.idle_timeout_s", std::to_string(m.idle_timeout_s + 10)});
        gap(ctx, 12);
        row_label("setup.office_orientation",
                  std::string(ctx.tr(m.orientation == "landscape" ? "setup.landscape" : "setup.portrait")));
        if (secondary(ctx, "orient-portrait", ctx.tr("setup.portrait"), third, m.orientation != "portrait"))
            ctx.send(cmd::EditDraft{"display.orientation", "portrait"});
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "orient-landscape", ctx.tr("setup.landscape"), third,
                      m.orientation != "landscape"))
            ctx.send(cmd::EditDraft{"display.orientation", "landscape"});
        gap(ctx, 12);
        // UI scale: 0 = automatic, else 0.8–2.0 in steps of 0.1.
        char scale_text[16];
        std::snprintf(scale_text, sizeof scale_text, "%.1f", m.scale);
        row_label("setup.office_scale", m.scale <= 0 ? std::string(ctx.tr("setup.scale_auto")) : scale_text);
        auto scale_edit = [&](double next) {
            char v[16];
            std::snprintf(v, sizeof v, "%.1f", next);
            ctx.send(cmd::EditDraft{"display.scale", v});
        };
        double shown = m.scale <= 0 ? 1.0 : m.scale;
        if (secondary(ctx, "scale-less", "-0.1", third, shown > 0.85)) scale_edit(shown - 0.1);
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "scale-more", "+0.1", third, shown < 1.95)) scale_edit(shown + 0.1);
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "scale-auto", ctx.tr("setup.scale_auto"), third, m.scale > 0))
            ctx.send(cmd::EditDraft{"display.scale", "0"});
        gap(ctx, 20);
        // Text settings: the current value, and a button that opens the on-screen keyboard.
        const std::pair<const char*, const std::string*> texts[] = {
            {"office.name_vi", &m.office_name_vi},  {"office.name_en", &m.office_name_en},
            {"office.subtitle_vi", &m.subtitle_vi}, {"office.subtitle_en", &m.subtitle_en},
            {"office.office_id", &m.office_id},     {"office.kiosk_id", &m.kiosk_id},
        };
        for (const auto& [key, value] : texts) {
            std::string id = std::string("edit-") + key;
            if (secondary(ctx, id.c_str(), value->empty() ? std::string_view("–") : std::string_view(*value),
                          w, !m.working, ctx.tr(std::string("setup.field.") + key)))
                ctx.send(cmd::EditField{key});
            gap(ctx, 8);
        }
    }
    end_drag_scroll();
    end_column();
}

void draw_setup_edit(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    text_block(ctx, theme.fonts.body, ctx.tr("setup.field." + m.edit_key), theme.text, width);
    if (m.edit_secret) text_block(ctx, theme.fonts.small, ctx.tr("setup.secret_hint"), theme.muted, width);
    message_line(ctx, m, width);
    text_field(ctx, m.edit_text, ctx.tr("setup.empty_value"), ImVec2(width, theme.px(110)));
    gap(ctx, 16);
    if (big_button(ctx, "field-save",
                   {ctx.tr("setup.save"), {}, ImVec2(width, 0), ButtonStyle::primary, !m.working}))
        ctx.send(cmd::SaveField{});
    // The keyboard sits at the bottom of the screen, where hands are.
    float kb_h = keyboard_height(ctx, m.edit_keyboard, width);
    float kb_top =
        std::max(ImGui::GetCursorScreenPos().y + theme.px(16), origin.y + avail.y - kb_h - theme.px(20));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, kb_top));
    draw_keyboard(ctx, m.edit_keyboard, width);
    end_column();
}

void draw_setup_network(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    if (m.offer_undo) {
        if (big_button(ctx, "network-undo",
                       {ctx.tr("setup.undo"), ctx.tr("setup.undo_failed_test"), ImVec2(width, 0),
                        ButtonStyle::danger, m.can_undo && !m.working}))
            ctx.send(cmd::UndoLastChange{});
        gap(ctx, 12);
    }
    if (secondary(ctx, "edit-gateway.url",
                  m.gateway_url.empty() ? ctx.tr("setup.gateway_none") : std::string_view(m.gateway_url),
                  width, !m.working, ctx.tr("setup.field.gateway.url")))
        ctx.send(cmd::EditField{"gateway.url"});
    gap(ctx, 8);
    if (secondary(ctx, "edit-gateway.token",
                  m.token_masked.empty() ? ctx.tr("setup.token_none") : std::string_view(m.token_masked),
                  width, !m.working, ctx.tr("setup.field.gateway.token")))
        ctx.send(cmd::EditField{"gateway.token"});
    gap(ctx, 16);
    if (big_button(ctx, "test-connection",
                   {ctx.tr(m.probing ? "setup.testing" : "setup.test_connection"),
                    {},
                    ImVec2(width, 0),
                    ButtonStyle::primary,
                    !m.probing && !m.gateway_url.empty()}))
        ctx.send(cmd::TestConnection{});
    gap(ctx, 12);
    for (const auto& line : m.probe) {
        ImU32 color = line.state == "ok"       ? theme.success
                      : line.state == "failed" ? theme.danger
                                               : theme.muted;
        std::string text = std::string(ctx.tr("setup.step." + line.step)) + ": " +
                           std::string(ctx.tr("setup.step_state." + line.state));
        if (line.ms >= 0) text += " (" + std::to_string(line.ms) + " ms)";
        text_block(ctx, theme.fonts.body, text, color, width);
        if (!line.detail.empty()) text_block(ctx, theme.fonts.small, line.detail, theme.muted, width);
    }
    if (m.probe_total_ms >= 0)
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.latency", {std::to_string(m.probe_total_ms)}),
                   theme.text, width);
    end_column();
}

void draw_setup_printer(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    if (m.offer_undo) {
        if (big_button(ctx, "printer-undo",
                       {ctx.tr("setup.undo"), ctx.tr("setup.undo_failed_test"), ImVec2(width, 0),
                        ButtonStyle::danger, m.can_undo && !m.working}))
            ctx.send(cmd::UndoLastChange{});
        gap(ctx, 12);
    }
    bool idle = !m.working && !m.printing;
    std::string current =
        m.printer_current.empty() ? std::string(ctx.tr("setup.printer_png")) : m.printer_current;
    text_block(ctx, theme.fonts.body, ctx.fmt("setup.printer_current", {current}), theme.text, width);
    float third = (width - 2 * theme.px(24)) / 3;
    if (secondary(ctx, "paper-80", "80 mm", third, idle && m.paper_mm != 80)) ctx.send(cmd::SetPaper{80});
    ImGui::SameLine(0, theme.px(24));
    if (secondary(ctx, "paper-58", "58 mm", third, idle && m.paper_mm != 58)) ctx.send(cmd::SetPaper{58});
    ImGui::SameLine(0, theme.px(24));
    if (big_button(ctx, "print-test",
                   {ctx.tr(m.printing ? "setup.printing" : "setup.print_test"),
                    {},
                    ImVec2(third, 0),
                    ButtonStyle::primary,
                    idle}))
        ctx.send(cmd::PrintTestTicket{});
    gap(ctx, 12);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "printers", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        text_block(ctx, theme.fonts.title, ctx.tr("setup.printer_queues"), theme.text, w);
        if (m.printers_loading) text_block(ctx, theme.fonts.body, ctx.tr("setup.loading"), theme.muted, w);
        if (!m.printers_error.empty())
            text_block(ctx, theme.fonts.body, ctx.fmt("setup.printer_cups_error", {m.printers_error}),
                       theme.danger, w);
        if (!m.printers_loading && m.printers.empty() && m.printers_error.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.printer_no_queues"), theme.muted, w);
        for (const auto& p : m.printers) {
            std::string word_key = "setup.word." + p.state;
            std::string state = ctx.translator_has(word_key) ? std::string(ctx.tr(word_key)) : p.state;
            if (!p.accepting) state += " · " + std::string(ctx.tr("setup.printer_rejecting"));
            if (!p.reasons.empty()) state += " · " + p.reasons;
            std::string id = "use-" + p.name;
            bool in_use = p.name == m.printer_current;
            if (secondary(ctx, id.c_str(), p.name, w, idle && !in_use,
                          in_use ? ctx.tr("setup.printer_in_use") : std::string_view(state)))
                ctx.send(cmd::UsePrinter{p.name});
            if (in_use) text_block(ctx, theme.fonts.small, state, theme.muted, w);
            gap(ctx, 8);
        }
        gap(ctx, 12);
        text_block(ctx, theme.fonts.title, ctx.tr("setup.printer_devices"), theme.text, w);
        if (!m.printers_loading && m.devices.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.printer_no_devices"), theme.muted, w);
        for (const auto& d : m.devices) {
            std::string id = "add-" + d.uri;
            if (secondary(ctx, id.c_str(), d.info.empty() ? d.uri : d.info, w, idle,
                          ctx.tr("setup.printer_add")))
                ctx.send(cmd::AddPrinterDevice{d.uri});
            gap(ctx, 8);
        }
        gap(ctx, 12);
        text_block(ctx, theme.fonts.title, ctx.tr("setup.printer_failed_today"), theme.text, w);
        if (m.failed_tickets.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.printer_no_failed"), theme.muted, w);
        for (const auto& t : m.failed_tickets) {
            std::string id = "reprint-" + std::to_string(t.id);
            std::string title = ctx.fmt("setup.reprint", {t.display});
            if (secondary(ctx, id.c_str(), title, w, idle, t.reason)) ctx.send(cmd::ReprintTicket{t.id});
            gap(ctx, 8);
        }
    }
    end_drag_scroll();
    end_column();
}

namespace {
// The borrowed camera's live image (fitted, mirrored as configured) beside what it decoded last.
void draw_setup_camera_preview(UiContext& ctx, const SetupModel& m, float width) {
    const Theme& theme = ctx.theme();
    if (m.scanner_source == "none") {
        text_block(ctx, theme.fonts.body, ctx.tr("setup.preview_no_camera"), theme.muted, width);
        return;
    }
    float box_w = width * 0.45f, box_h = box_w * 0.75f;
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImVec2 max(min.x + box_w, min.y + box_h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, IM_COL32(30, 36, 48, 255), theme.px(12));
    const PreviewImage& p = m.preview;
    if (p.texture && p.width > 0 && p.height > 0) {
        float fit = std::min(box_w / p.width, box_h / p.height);
        ImVec2 size(p.width * fit, p.height * fit);
        ImVec2 at((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2);
        ImVec2 uv0(p.mirror ? 1.0f : 0.0f, 0.0f), uv1(p.mirror ? 0.0f : 1.0f, 1.0f);
        draw->AddImage(p.texture, at, ImVec2(at.x + size.x, at.y + size.y), uv0, uv1);
    }
    ImGui::Dummy(ImVec2(box_w, box_h));
    ImGui::SameLine(0, theme.px(24));
    ImGui::BeginGroup();
    float text_w = width - box_w - theme.px(24);
    text_block(ctx, theme.fonts.body, ctx.tr("setup.preview_title"), theme.text, text_w);
    if (!m.camera_error.empty()) {
        std::string key = "setup.camera_error." + m.camera_error;
        std::string why = ctx.translator_has(key) ? std::string(ctx.tr(key)) : m.camera_error;
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.preview_failed", {why}), theme.danger, text_w);
    } else if (m.camera_opening) {
        text_block(ctx, theme.fonts.body, ctx.tr("setup.preview_opening"), theme.muted, text_w);
    }
    if (m.camera_read.empty())
        text_block(ctx, theme.fonts.body, ctx.tr("setup.preview_nothing_read"), theme.muted, text_w);
    else
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.preview_read", {m.camera_read}), theme.success,
                   text_w);
    text_block(ctx, theme.fonts.small, ctx.tr("setup.preview_hint"), theme.muted, text_w);
    ImGui::EndGroup();
}
} // namespace

void draw_setup_scanner(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    bool idle = !m.working;
    // The camera as health reports it: state and what it read since the kiosk started.
    std::string state_key =
        "setup.word." + (m.camera_state.empty() ? std::string("unknown") : m.camera_state);
    std::string state = ctx.translator_has(state_key) ? std::string(ctx.tr(state_key)) : m.camera_state;
    text_block(ctx, theme.fonts.body,
               ctx.fmt("setup.scanner_state", {state, std::to_string(m.scans), std::to_string(m.rejected)}),
               theme.text, width);
    gap(ctx, 8);
    // "Scan now" for the USB scanner.
    if (big_button(ctx, "scan-now",
                   {ctx.tr(m.scan_waiting ? "setup.scan_waiting" : "setup.scan_now"),
                    ctx.tr("setup.scan_now_hint"), ImVec2(width, 0), ButtonStyle::primary,
                    idle && !m.scan_waiting}))
        ctx.send(cmd::ScanNow{});
    if (!m.scan_result.empty())
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.scan_read", {m.scan_result}), theme.success, width);
    if (m.scan_timed_out)
        text_block(ctx, theme.fonts.body, ctx.tr("setup.scan_timeout"), theme.danger, width);
    gap(ctx, 12);
    draw_setup_camera_preview(ctx, m, width);
    gap(ctx, 12);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "scanner", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        float third = (w - 2 * theme.px(24)) / 3;
        text_block(ctx, theme.fonts.title, ctx.tr("setup.cameras"), theme.text, w);
        if (m.cameras.empty()) text_block(ctx, theme.fonts.body, ctx.tr("setup.no_cameras"), theme.muted, w);
        for (const auto& c : m.cameras) {
            bool in_use = m.scanner_source == "camera" && c.device == m.camera_device;
            std::string id = "camera-" + c.device;
            std::string title = c.name.empty() ? c.device : c.name + " (" + c.device + ")";
            if (secondary(ctx, id.c_str(), title, w, idle && !in_use,
                          ctx.tr(in_use ? "setup.camera_in_use" : "setup.camera_use")))
                ctx.send(cmd::UseCamera{c.device});
            gap(ctx, 8);
        }
        gap(ctx, 12);
        text_block(ctx, theme.fonts.body,
                   ctx.fmt("setup.resolution",
                           {std::to_string(m.camera_width) + " × " + std::to_string(m.camera_height)}),
                   theme.text, w);
        const int sizes[3][2] = {{640, 480}, {1280, 720}, {1920, 1080}};
        for (int i = 0; i < 3; ++i) {
            if (i) ImGui::SameLine(0, theme.px(24));
            std::string label = std::to_string(sizes[i][0]) + "×" + std::to_string(sizes[i][1]);
            bool current = m.camera_width == sizes[i][0] && m.camera_height == sizes[i][1];
            if (secondary(ctx, ("res-" + label).c_str(), label, third, idle && !current))
                ctx.send(cmd::SetResolution{sizes[i][0], sizes[i][1]});
        }
        gap(ctx, 12);
        text_block(ctx, theme.fonts.body, ctx.tr(m.mirror ? "setup.mirror_on" : "setup.mirror_off"),
                   theme.text, w);
        if (secondary(ctx, "mirror-on", ctx.tr("setup.mirror_yes"), (w - theme.px(24)) / 2,
                      idle && !m.mirror))
            ctx.send(cmd::SetMirror{true});
        ImGui::SameLine(0, theme.px(24));
        if (secondary(ctx, "mirror-off", ctx.tr("setup.mirror_no"), (w - theme.px(24)) / 2, idle && m.mirror))
            ctx.send(cmd::SetMirror{false});
    }
    end_drag_scroll();
    end_column();
}

namespace {

// "2026-11-27" → "27/11/2026", as dates are written in Vietnam.
std::string vn_date(const std::string& iso) {
    return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : iso;
}

void report_figures(UiContext& ctx, const char* label_key, const SetupModel::ReportFigures& f, float w) {
    const Theme& theme = ctx.theme();
    text_block(ctx, theme.fonts.small, ctx.tr(label_key), theme.muted, w);
    if (!f.present) {
        text_block(ctx, theme.fonts.body, "–", theme.text, w);
        return;
    }
    std::string line = ctx.fmt("setup.report_counts", {std::to_string(f.issued), std::to_string(f.served),
                                                       std::to_string(f.no_shows)});
    line +=
        "  ·  " + (f.wait_p50_min.empty() ? std::string(ctx.tr("setup.report_no_wait"))
                                          : ctx.fmt("setup.report_wait", {f.wait_p50_min, f.wait_p90_min}));
    text_block(ctx, theme.fonts.body, line, theme.text, w);
    text_block(ctx, theme.fonts.body,
               ctx.fmt("setup.report_ratings", {std::to_string(f.ratings[2]), std::to_string(f.ratings[1]),
                                                std::to_string(f.ratings[0])}),
               theme.text, w);
}

} // namespace

// The office report: today's and the last 7 days' figures, then the 7 days' chart page (a texture the app
// uploaded from the image the worker drew).
void draw_setup_report(UiContext& ctx, const SetupModel& m, float w) {
    const Theme& theme = ctx.theme();
    text_block(ctx, theme.fonts.title, ctx.tr("setup.report_title"), theme.text, w);
    if (!m.report_error.empty()) {
        text_block(ctx, theme.fonts.body, ctx.fmt("setup.report_failed", {m.report_error}), theme.danger, w);
        return;
    }
    if (m.report_loading && !m.report_today.present) {
        text_block(ctx, theme.fonts.body, ctx.tr("setup.report_loading"), theme.muted, w);
        return;
    }
    report_figures(ctx, "setup.report_today", m.report_today, w);
    gap(ctx, 6);
    report_figures(ctx, "setup.report_week", m.report_week, w);
    text_block(ctx, theme.fonts.small,
               ctx.fmt("setup.report_period", {vn_date(m.report_from), vn_date(m.report_to)}), theme.muted,
               w);
    gap(ctx, 8);
    const PreviewImage& p = m.report_chart;
    if (!p.texture || p.width <= 0 || p.height <= 0) return;
    const float scale = w / static_cast<float>(p.width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size(w, static_cast<float>(p.height) * scale);
    ImGui::GetWindowDrawList()->AddImage(p.texture, at, ImVec2(at.x + size.x, at.y + size.y));
    ImGui::Dummy(size);
}

void draw_setup_health(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "health", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        // Problems first: they are why staff open this screen.
        text_block(ctx, theme.fonts.title, ctx.tr("setup.health_problems"), theme.text, w);
        if (m.problems.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.health_no_problems"), theme.success, w);
        for (const auto& [key, detail] : m.problems) {
            boxed(ctx, w, theme.warning, [&](float inner) {
                text_block(ctx, theme.fonts.body, ctx.tr(key), theme.text, inner);
                text_block(ctx, theme.fonts.small, detail, theme.muted, inner);
            });
            gap(ctx, 8);
        }
        gap(ctx, 16);
        for (const auto& line : m.health_lines) {
            std::string value;
            for (const auto& part : line.parts) {
                // "word" or "word:argument" when "setup.word.<word>" is known; anything else as it is.
                auto colon = part.find(':');
                std::string word_key = "setup.word." + part.substr(0, colon);
                std::string shown = part;
                if (ctx.translator_has(word_key))
                    shown = colon == std::string::npos ? std::string(ctx.tr(word_key))
                                                       : ctx.fmt(word_key, {part.substr(colon + 1)});
                value += (value.empty() ? "" : " · ") + shown;
            }
            text_block(ctx, theme.fonts.small, ctx.tr(line.label_key), theme.muted, w);
            text_block(ctx, theme.fonts.body, value.empty() ? std::string("–") : value, theme.text, w);
            gap(ctx, 6);
        }
        gap(ctx, 16);
        draw_setup_report(ctx, m, w);
    }
    end_drag_scroll();
    end_column();
}

void draw_setup_audit(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    text_block(ctx, theme.fonts.small, ctx.tr("setup.audit_hint"), theme.muted, width);
    gap(ctx, 10);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "audit", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        if (m.audit_lines.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.audit_empty"), theme.muted, w);
        // Newest first.
        for (auto it = m.audit_lines.rbegin(); it != m.audit_lines.rend(); ++it)
            text_block(ctx, theme.fonts.small, *it, theme.text, w);
    }
    end_drag_scroll();
    end_column();
}

void draw_setup_maintenance(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "maintenance", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        if (secondary(ctx, "import-config", ctx.tr("setup.import"), w, !m.working,
                      ctx.tr("setup.import_hint")))
            ctx.send(cmd::ListImportFiles{});
        if (m.import_listed && m.import_files.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("setup.import_none"), theme.muted, w);
        for (const auto& f : m.import_files) {
            gap(ctx, 8);
            std::string id = "import-" + f;
            std::string name = std::filesystem::path(f).filename().string(); // the drive's own path is noise
            if (secondary(ctx, id.c_str(), name, w, !m.working, ctx.tr("setup.import_this")))
                ctx.send(cmd::ImportConfig{f});
        }
        gap(ctx, 12);
        if (secondary(ctx, "change-pin", ctx.tr("setup.change_pin"), w, !m.working))
            ctx.send(cmd::ChangePin{});
        gap(ctx, 12);
        if (secondary(ctx, "sync-catalog", ctx.tr("setup.sync_catalog"), w, !m.working))
            ctx.send(cmd::SyncCatalog{});
        gap(ctx, 12);
        if (secondary(ctx, "export-diagnostics", ctx.tr("setup.export"), w, !m.working,
                      ctx.tr("setup.export_hint")))
            ctx.send(cmd::ExportDiagnostics{});
        gap(ctx, 12);
        if (secondary(ctx, "maint-undo", ctx.tr("setup.undo"), w, m.can_undo && !m.working))
            ctx.send(cmd::UndoLastChange{});
        gap(ctx, 12);
        if (big_button(ctx, "restart-kiosk",
                       {ctx.tr("setup.restart"), ctx.tr("setup.restart_hint"), ImVec2(w, 0),
                        ButtonStyle::danger, !m.working}))
            ctx.send(cmd::RestartKiosk{});
    }
    end_drag_scroll();
    end_column();
}

void draw_setup_services(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    message_line(ctx, m, width);
    float half = (width - theme.px(24)) / 2;
    if (big_button(ctx, "svc-save",
                   {ctx.tr("setup.save"),
                    {},
                    ImVec2(half, 0),
                    ButtonStyle::primary,
                    m.services_changed && !m.working}))
        ctx.send(cmd::SaveServices{});
    ImGui::SameLine(0, theme.px(24));
    if (secondary(ctx, "svc-undo", ctx.tr("setup.undo_short"), half, m.can_undo && !m.working))
        ctx.send(cmd::UndoLastChange{});
    gap(ctx, 12);
    if (secondary(ctx, "svc-add", ctx.tr("setup.services_add"), width, !m.working))
        ctx.send(cmd::AddService{});
    gap(ctx, 8);
    if (!m.services_problem_key.empty())
        text_block(ctx, theme.fonts.body, ctx.fmt(m.services_problem_key, {m.services_problem_arg}),
                   theme.danger, width);
    text_block(ctx, theme.fonts.small, ctx.tr("setup.services_hint"), theme.muted, width);
    gap(ctx, 12);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "services", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        for (size_t i = 0; i < m.service_rows.size(); ++i) {
            const auto& r = m.service_rows[i];
            int index = static_cast<int>(i);
            std::string n = std::to_string(i);
            std::string title = (r.prefix.empty() ? std::string("?") : r.prefix) + " · " +
                                (r.name_vi.empty() ? std::string("–") : r.name_vi);
            std::string subtitle = (r.name_en.empty() ? std::string("–") : r.name_en) + " · " +
                                   ctx.fmt("setup.svc_details", {r.counters, r.hours, r.range});
            if (!r.enabled) subtitle += " · " + std::string(ctx.tr("setup.svc_disabled"));
            if (r.has_problem) subtitle += " · " + std::string(ctx.tr("setup.svc_needs_fix"));
            if (big_button(ctx, ("svc-open-" + n).c_str(),
                           {title, subtitle, ImVec2(w, 0),
                            r.has_problem ? ButtonStyle::danger : ButtonStyle::secondary, !m.working}))
                ctx.send(cmd::OpenService{index});
            gap(ctx, 12);
        }
    }
    end_drag_scroll();
    end_column();
}

void draw_setup_service(UiContext& ctx, const SetupModel& m) {
    const Theme& theme = ctx.theme();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = begin_column(ctx);
    if (m.service_index < 0 || static_cast<size_t>(m.service_index) >= m.service_rows.size()) {
        end_column();
        return;
    }
    const auto& r = m.service_rows[static_cast<size_t>(m.service_index)];
    text_block(ctx, theme.fonts.body, ctx.fmt("setup.svc_code", {r.code}), theme.text, width);
    text_block(ctx, theme.fonts.small, ctx.tr("setup.service_hint"), theme.muted, width);
    gap(ctx, 12);
    // Place in the list and on/off stay in view; the fields scroll.
    float third = (width - 2 * theme.px(24)) / 3;
    bool last = static_cast<size_t>(m.service_index) + 1 >= m.service_rows.size();
    if (secondary(ctx, "svc-up", ctx.tr("setup.svc_up"), third, m.service_index > 0 && !m.working))
        ctx.send(cmd::MoveService{m.service_index, -1});
    ImGui::SameLine(0, theme.px(24));
    if (secondary(ctx, "svc-down", ctx.tr("setup.svc_down"), third, !last && !m.working))
        ctx.send(cmd::MoveService{m.service_index, +1});
    ImGui::SameLine(0, theme.px(24));
    // A service added in this draft can simply be removed again; a saved one is disabled instead.
    if (r.is_new) {
        if (big_button(
                ctx, "svc-remove",
                {ctx.tr("setup.svc_remove_new"), {}, ImVec2(third, 0), ButtonStyle::danger, !m.working}))
            ctx.send(cmd::RemoveNewService{m.service_index});
    } else if (big_button(ctx, "svc-enabled",
                          {ctx.tr(r.enabled ? "setup.svc_disable" : "setup.svc_enable"),
                           {},
                           ImVec2(third, 0),
                           r.enabled ? ButtonStyle::secondary : ButtonStyle::primary,
                           !m.working}))
        ctx.send(cmd::SetServiceEnabled{m.service_index, !r.enabled});
    gap(ctx, 8);
    text_block(ctx, theme.fonts.body, ctx.tr(r.enabled ? "setup.svc_enabled_on" : "setup.svc_enabled_off"),
               r.enabled ? theme.text : theme.danger, width);
    gap(ctx, 12);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "service", ImVec2(width, list_h))) {
        float w = width - theme.px(28);
        for (const auto& f : m.service_fields) {
            std::string id = "svc-field-" + f.field;
            if (secondary(ctx, id.c_str(), f.text.empty() ? std::string_view("–") : std::string_view(f.text),
                          w, !m.working, ctx.tr("setup.field.service." + f.field)))
                ctx.send(cmd::EditServiceField{f.field});
            // The problem, in words, right under its field.
            if (!f.problem_key.empty())
                text_block(ctx, theme.fonts.body, ctx.fmt(f.problem_key, {f.problem_arg}), theme.danger, w);
            gap(ctx, 8);
        }
        gap(ctx, 8);
        if (secondary(ctx, "svc-priority",
                      ctx.tr(r.priority_allowed ? "setup.svc_priority_on" : "setup.svc_priority_off"), w,
                      !m.working, ctx.tr("setup.svc_tap_to_change")))
            ctx.send(cmd::SetServicePriority{!r.priority_allowed});
    }
    end_drag_scroll();
    end_column();
}

} // namespace kiosk::ui
