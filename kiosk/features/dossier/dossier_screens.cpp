#include "kiosk/features/dossier/dossier_screens.hpp"

#include "kiosk/features/dossier/dossier_commands.hpp"

#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

std::string translate(const UiContext& ctx, const TranslatedMessage& m) {
    switch (m.args.size()) {
    case 0:
        return std::string(ctx.tr(m.key));
    case 1:
        return ctx.fmt(m.key, {m.args[0]});
    default:
        return ctx.fmt(m.key, {m.args[0], m.args[1]});
    }
}

} // namespace

void draw_dossier_scan(UiContext& ctx, const DossierModel& d) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    bool camera = d.camera_enabled;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    ImGui::BeginGroup();
    text_block(ctx, theme.fonts.body, ctx.tr(camera ? "dossier.scan_hint" : "dossier.scan_hint_no_camera"),
               theme.text, width);
    if (camera) {
        // The framing guide: where the decoder looks first (the same fractions as the decoder's guide).
        float side = std::min(width * 0.6f, theme.px(420));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImVec2 min(pos.x + (width - side) / 2, pos.y + theme.px(10));
        ImVec2 max(min.x + side, min.y + side * 0.75f);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(min, max, IM_COL32(30, 36, 48, 255), theme.px(16));
        const PreviewImage& preview = d.preview;
        if (preview.texture && preview.width > 0 && preview.height > 0) {
            // The live camera image, fitted into the frame (mirrored when configured, like a mirror).
            float fit = std::min((max.x - min.x) / preview.width, (max.y - min.y) / preview.height);
            ImVec2 size(preview.width * fit, preview.height * fit);
            ImVec2 at((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2);
            ImVec2 uv0(preview.mirror ? 1.0f : 0.0f, 0.0f), uv1(preview.mirror ? 0.0f : 1.0f, 1.0f);
            draw->AddImage(preview.texture, at, ImVec2(at.x + size.x, at.y + size.y), uv0, uv1);
        }
        float corner = side * 0.15f, thick = theme.px(8);
        ImU32 guide = IM_COL32(255, 209, 0, 255);
        for (int i = 0; i < 4; ++i) {
            float x = i % 2 ? max.x : min.x, y = i / 2 ? max.y : min.y;
            float dx = i % 2 ? -corner : corner, dy = i / 2 ? -corner : corner;
            draw->AddLine(ImVec2(x, y), ImVec2(x + dx, y), guide, thick);
            draw->AddLine(ImVec2(x, y), ImVec2(x, y + dy), guide, thick);
        }
        if (!preview.texture) {
            ImVec2 label = measure(theme.fonts.small, ctx.tr("dossier.camera_frame"));
            text_at(ctx, theme.fonts.small, ctx.tr("dossier.camera_frame"),
                    ImVec2((min.x + max.x - label.x) / 2, (min.y + max.y - label.y) / 2),
                    IM_COL32(220, 224, 232, 255));
        }
        ImGui::Dummy(ImVec2(width, max.y - pos.y + theme.px(10)));
        if (!d.scan_feedback_key.empty())
            text_block(ctx, theme.fonts.body, ctx.tr(d.scan_feedback_key), theme.primary, width);
        if (!d.scanner_hint_key.empty())
            text_block(ctx, theme.fonts.small, ctx.tr(d.scanner_hint_key), theme.warning, width);
    }
    if (d.looking_up) {
        boxed(ctx, width, theme.primary, [&](float w) {
            text_block(ctx, theme.fonts.title, ctx.fmt("dossier.looking_up", {d.looking_up_code}),
                       theme.primary, w);
        });
    } else if (!d.error_key.empty()) {
        boxed(ctx, width, theme.danger,
              [&](float w) { text_block(ctx, theme.fonts.body, ctx.tr(d.error_key), theme.danger, w); });
    }
    text_block(ctx, theme.fonts.small, ctx.tr("dossier.type_hint"), theme.muted, width);
    // The typed code and the lookup button.
    float field_h = theme.px(110);
    float button_w = theme.px(260);
    ImVec2 field_min = ImGui::GetCursorScreenPos();
    ImVec2 field_max(field_min.x + width - button_w - theme.px(20), field_min.y + field_h);
    text_field(ctx, d.typed, {}, ImVec2(field_max.x - field_min.x, field_h));
    ImGui::SetCursorScreenPos(ImVec2(field_max.x + theme.px(20), field_min.y));
    if (big_button(ctx, "lookup",
                   {ctx.tr("dossier.lookup"),
                    {},
                    ImVec2(button_w, field_h),
                    ButtonStyle::primary,
                    !d.typed.empty() && !d.looking_up}))
        ctx.send(features::dossier_ui::SubmitDossierCode{});
    ImGui::EndGroup();
    KeyboardView keypad{KeyboardLayout::code, keyboard::InputMode::none, !d.typed.empty()};
    float keyboard_h = keyboard_height(ctx, keypad, width);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y + avail.y - keyboard_h - theme.px(10)));
    draw_keyboard(ctx, keypad, width);
}

namespace {

// Timeline: received → processing → result ready → collected, `w` wide.
void draw_timeline(UiContext& ctx, const DossierView& v, float w) {
    const Theme& theme = ctx.theme();
    if (!v.timeline.empty()) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float step_w = w / static_cast<float>(v.timeline.size());
        float r = theme.px(22);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        float cy = pos.y + r + theme.px(6);
        float bottom = cy + r; // the lowest label or date drawn (they wrap under large text)
        for (size_t i = 0; i < v.timeline.size(); ++i) {
            const auto& s = v.timeline[i];
            float cx = pos.x + step_w * (static_cast<float>(i) + 0.5f);
            ImU32 color = s.done ? theme.success : s.current ? theme.primary : theme.border;
            if (i + 1 < v.timeline.size())
                draw->AddLine(ImVec2(cx + r, cy), ImVec2(cx + step_w - r, cy),
                              v.timeline[i + 1].done || v.timeline[i + 1].current ? theme.success
                                                                                  : theme.border,
                              theme.px(6));
            if (s.done || s.current)
                draw->AddCircleFilled(ImVec2(cx, cy), r, color);
            else
                draw->AddCircle(ImVec2(cx, cy), r, color, 0, theme.px(5));
            std::string label(ctx.tr(s.label_key));
            ImVec2 ls = measure(theme.fonts.small, label, step_w - theme.px(8));
            ImGui::SetCursorScreenPos(
                ImVec2(cx - std::min(ls.x, step_w - theme.px(8)) / 2, cy + r + theme.px(8)));
            text_block(ctx, theme.fonts.small, label, s.done || s.current ? theme.text : theme.muted,
                       step_w - theme.px(8));
            if (!s.date.empty()) {
                ImVec2 ds = measure(theme.fonts.small, s.date);
                ImGui::SetCursorScreenPos(ImVec2(cx - ds.x / 2, ImGui::GetCursorScreenPos().y));
                text_block(ctx, theme.fonts.small, s.date, theme.muted, ds.x + 2);
            }
            bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + theme.px(24)));
    }
}

} // namespace

void draw_dossier_status(UiContext& ctx, const DossierModel& d) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    if (!d.result) {
        ImGui::BeginGroup();
        text_block(ctx, theme.fonts.body, ctx.tr(d.error_key.empty() ? "dossier.status_title" : d.error_key),
                   theme.muted, width);
        ImGui::EndGroup();
        return;
    }
    const DossierView& v = *d.result;
    ImU32 accent = v.overdue                           ? theme.danger
                   : (v.status == 9 || v.status == 10) ? theme.success
                                                       : theme.primary;
    auto identity = [&](float w, bool with_received) {
        text_block(ctx, theme.fonts.small, ctx.fmt("dossier.code_line", {v.code}), theme.muted, w);
        if (!v.procedure_name.empty()) text_block(ctx, theme.fonts.body, v.procedure_name, theme.text, w);
        if (!v.applicant_masked.empty())
            text_block(ctx, theme.fonts.small, ctx.fmt("dossier.applicant_line", {v.applicant_masked}),
                       theme.muted, w);
        if (with_received && !v.received.empty())
            text_block(ctx, theme.fonts.small, ctx.fmt("dossier.received_line", {v.received}), theme.muted,
                       w);
    };
    auto status_box = [&](float w, bool with_received) {
        boxed(ctx, w, accent, [&](float inner) {
            text_block(ctx, theme.fonts.small, ctx.tr("dossier.status_now"), theme.muted, inner);
            text_block(ctx, theme.fonts.title, ctx.tr(v.status_key), accent, inner);
            if (!v.deadline.key.empty())
                text_block(ctx, theme.fonts.body, translate(ctx, v.deadline),
                           v.overdue ? theme.danger : theme.text, inner);
            if (with_received && !v.received.empty())
                text_block(ctx, theme.fonts.body, ctx.fmt("dossier.received_line", {v.received}), theme.text,
                           inner);
            if (!v.appointment.empty())
                text_block(ctx, theme.fonts.body, ctx.fmt("dossier.appointment_line", {v.appointment}),
                           v.overdue ? theme.danger : theme.text, inner);
        });
    };
    auto next_step = [&](float w) {
        if (v.next_step.key.empty()) return;
        boxed(ctx, w, theme.warning, [&](float inner) {
            text_block(ctx, theme.fonts.small, ctx.tr("dossier.what_next"), theme.muted, inner);
            text_block(ctx, theme.fonts.body, translate(ctx, v.next_step), theme.text, inner);
        });
    };
    if (avail.x > avail.y) {
        // Landscape: what the dossier is (with the day it was received) on the left, above "Done"; the
        // current status, the steps and what to do next on the right, using the whole height. With large text
        // the right side splits in two columns (status | next step and privacy note) so all of it fits
        // without scrolling, and the step graphic is left out: the status box already names the step in
        // words. Each column still scrolls on its own if its words ever do not fit.
        bool large = theme.text_scale > 1.0f;
        float done_h = theme.min_target();
        float gutter = theme.px(40);
        float left_w = large ? (width - 2 * gutter) / 3 : (width - gutter) * 0.45f;
        float right_w = width - gutter - left_w;
        float status_w = large ? (right_w - gutter) / 2 : right_w;
        float left_h = avail.y - done_h - theme.px(50);
        float full_h = avail.y - theme.px(20);
        ImVec2 top = ImGui::GetCursorScreenPos();
        if (begin_drag_scroll(ctx, "status", ImVec2(left_w, left_h))) {
            float w = left_w - theme.px(28);
            identity(w, true);
            if (!large) {
                gap(ctx, 10);
                draw_timeline(ctx, v, w);
                text_block(ctx, theme.fonts.small, ctx.tr("dossier.privacy"), theme.muted, w);
            }
        }
        end_drag_scroll();
        ImGui::SetCursorScreenPos(ImVec2(top.x + left_w + gutter, top.y));
        if (begin_drag_scroll(ctx, "status-side", ImVec2(status_w, full_h))) {
            float w = status_w - theme.px(28);
            status_box(w, false);
            if (!large) next_step(w);
        }
        end_drag_scroll();
        if (large) {
            ImGui::SetCursorScreenPos(ImVec2(top.x + left_w + status_w + 2 * gutter, top.y));
            if (begin_drag_scroll(ctx, "status-next", ImVec2(status_w, full_h))) {
                next_step(status_w - theme.px(28));
                text_block(ctx, theme.fonts.small, ctx.tr("dossier.privacy"), theme.muted,
                           status_w - theme.px(28));
            }
            end_drag_scroll();
        }
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + left_h + theme.px(20)));
        if (big_button(ctx, "status-done",
                       {ctx.tr("queue.done"), {}, ImVec2(left_w, done_h), ButtonStyle::primary}))
            ctx.emit(GoHome{});
        return;
    }
    // Portrait. With large text what a citizen came for comes first: the status (with the day it was
    // received) and what to do next, both above "Done"; which dossier it is follows, and the step graphic is
    // left out (the status box names the step in words).
    bool large = theme.text_scale > 1.0f;
    float footer_h = large ? theme.min_target() + theme.px(50) : theme.px(200);
    if (begin_drag_scroll(ctx, "status", ImVec2(width, avail.y - footer_h))) {
        float w = width - theme.px(28);
        if (large) {
            status_box(w, true);
            next_step(w);
            identity(w, false);
        } else {
            identity(w, false);
            gap(ctx, 10);
            status_box(w, true);
            draw_timeline(ctx, v, w);
            next_step(w);
        }
        text_block(ctx, theme.fonts.small, ctx.tr("dossier.privacy"), theme.muted, w);
    }
    end_drag_scroll();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y + avail.y - footer_h + theme.px(30)));
    if (big_button(ctx, "status-done", {ctx.tr("queue.done"), {}, ImVec2(width, 0), ButtonStyle::primary}))
        ctx.emit(GoHome{});
}

} // namespace kiosk::ui
