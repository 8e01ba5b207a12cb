#include "kiosk/features/catalog/procedure_screens.hpp"

#include "kiosk/features/catalog/catalog_commands.hpp"
#include "kiosk/ui/widgets/qr_view.hpp"

#include "kiosk/ui/widgets/highlight_text.hpp"
#include "kiosk/ui/widgets/keyboard.hpp"
#include "kiosk/ui/widgets/widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

using catalog::Level;

bool at_level(const catalog::Procedure& p, int level) {
    if (level < 0) return true;
    return std::find(p.levels.begin(), p.levels.end(), static_cast<Level>(level)) != p.levels.end();
}

// The levels that handle it now; a record whose level could not be confirmed after 07/2025 says to ask.
std::string level_names(const UiContext& ctx, const catalog::Procedure& p) {
    if (p.levels.empty()) return std::string(ctx.tr("catalog.level.unconfirmed"));
    std::string out;
    for (Level l : p.levels)
        out += (out.empty() ? "" : ", ") + std::string(ctx.tr(catalog::i18n_key(l)));
    return out;
}

std::string field_name(const UiContext& ctx, const catalog::Catalog& c, const std::string& id) {
    const auto* f = c.find_field(id);
    return f ? ctx.pick(f->name.vi, f->name.en) : id;
}

std::string procedure_name(const UiContext& ctx, const catalog::Procedure& p) {
    return ctx.pick(p.name, p.name_en);
}

// Time and fee in plain words for a citizen: the record's plain text, else what days/fee_vnd say; never the
// source's own wording (that stays in the data for staff and kioskctl).
std::string time_summary(const UiContext& ctx, const catalog::Channel& ch) {
    if (!ch.time_plain.vi.empty()) return ctx.pick(ch.time_plain.vi, ch.time_plain.en);
    if (ch.days && *ch.days == 0) return std::string(ctx.tr("procedures.same_day"));
    if (ch.days) return ctx.fmt("procedures.working_days", {std::to_string(*ch.days)});
    return {};
}

std::string fee_summary(const UiContext& ctx, const catalog::Channel& ch) {
    if (!ch.fee_plain.vi.empty()) return ctx.pick(ch.fee_plain.vi, ch.fee_plain.en);
    if (ch.fee_vnd) return format_fee(ctx, *ch.fee_vnd);
    return {};
}

// "2026-11-29" → "29/11/2026".
std::string citizen_date(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

void section_title(UiContext& ctx, std::string_view title, float width) {
    gap(ctx, 24);
    text_block(ctx, ctx.theme().fonts.title, title, ctx.theme().primary, width);
}

void bullet_list(UiContext& ctx, const std::vector<std::string>& items, float width) {
    for (const auto& item : items)
        text_block(ctx, ctx.theme().fonts.body, "•  " + item, ctx.theme().text, width);
}

void loading_or_error(UiContext& ctx, const CatalogModel& c, float width) {
    text_block(ctx, ctx.theme().fonts.body,
               ctx.tr(c.load_error_key.empty() ? "procedures.loading" : c.load_error_key), ctx.theme().muted,
               width);
}

} // namespace

std::string format_fee(const UiContext& ctx, long long vnd) {
    if (vnd <= 0) return std::string(ctx.tr("procedures.free"));
    std::string digits = std::to_string(vnd), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out + " ₫";
}

void draw_procedure_browse(UiContext& ctx, const CatalogModel& c) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, 0));
    if (!c.catalog) {
        loading_or_error(ctx, c, width);
        ImGui::EndGroup();
        return;
    }
    if (big_button(ctx, "open-search",
                   {ctx.tr("procedures.search_button"), ctx.tr("procedures.search_example"),
                    ImVec2(width, theme.px(170)), ButtonStyle::primary}))
        ctx.emit(Navigate{features::catalog_ui::kSearchScreen});
    gap(ctx, 10);
    // Level filter: all, commune/ward, city (Hà Nội has had no district level since 1 July 2025).
    const int levels[] = {-1, static_cast<int>(Level::commune), static_cast<int>(Level::province)};
    float tab_w = (width - 2 * theme.px(16)) / 3;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, theme.px(16));
        // Short tab names; the full level names are on each procedure.
        static const char* const tab_keys[] = {"procedures.tab.all", "procedures.tab.commune",
                                               "procedures.tab.province"};
        std::string label(ctx.tr(tab_keys[i]));
        std::string id = "level" + std::to_string(i);
        if (big_button(ctx, id.c_str(),
                       {label,
                        {},
                        ImVec2(tab_w, theme.px(130)),
                        c.level == levels[i] ? ButtonStyle::primary : ButtonStyle::secondary}))
            ctx.send(features::catalog_ui::BrowseLevel{levels[i]});
    }
    gap(ctx, 10);
    float list_h = origin.y + avail.y - ImGui::GetCursorScreenPos().y - theme.px(30);
    if (begin_drag_scroll(ctx, "browse", ImVec2(width, list_h))) {
        float item_w = width - theme.px(28);
        if (c.field.empty()) {
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.fields_hint"), theme.muted, item_w);
            for (const auto& f : c.catalog->fields) {
                int count = 0;
                for (const auto& p : c.catalog->procedures)
                    count += p.field == f.id && at_level(p, c.level);
                if (count == 0) continue;
                if (big_button(ctx, f.id.c_str(),
                               {ctx.pick(f.name.vi, f.name.en),
                                ctx.fmt("procedures.count", {std::to_string(count)}),
                                ImVec2(item_w, theme.px(150)), ButtonStyle::secondary}))
                    ctx.send(features::catalog_ui::BrowseField{f.id});
                gap(ctx, 4);
            }
        } else {
            text_block(ctx, theme.fonts.title, field_name(ctx, *c.catalog, c.field), theme.text, item_w);
            for (const auto& p : c.catalog->procedures) {
                if (p.field != c.field || !at_level(p, c.level)) continue;
                std::string sub = level_names(ctx, p);
                // In the list only a time in plain words; the source's own wording is on the detail page.
                if (!p.channels.empty())
                    if (auto t = time_summary(ctx, p.channels[0]); !t.empty()) sub += "  ·  " + t;
                if (big_button(
                        ctx, p.code.c_str(),
                        {procedure_name(ctx, p), sub, ImVec2(item_w, theme.px(170)), ButtonStyle::secondary}))
                    ctx.send(features::catalog_ui::OpenProcedure{p.code});
                gap(ctx, 4);
            }
        }
    }
    end_drag_scroll();
    ImGui::EndGroup();
}

void draw_procedure_search(UiContext& ctx, const CatalogModel& c) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, full_width] = content_area(ctx);
    // Landscape: the field and results on the left, the keyboard on the right (there is little height);
    // portrait: the keyboard at the bottom under both.
    bool landscape = avail.x > avail.y;
    float width = landscape ? full_width * 0.42f : full_width;
    float keyboard_w = landscape ? full_width - width - theme.px(40) : full_width;

    // The query field.
    float field_h = std::max(theme.px(110), theme.fonts.title->FontSize + theme.px(40));
    ImVec2 field_min(origin.x + left, origin.y);
    ImGui::SetCursorScreenPos(field_min);
    text_field(ctx, c.query, ctx.tr("procedures.query_placeholder"), ImVec2(width, field_h));
    ImVec2 field_max(field_min.x + width, field_min.y + field_h);

    // The keyboard at the bottom (right column in landscape); results between.
    KeyboardView keys = c.keyboard;
    keys.has_text = !c.query.empty();
    float keyboard_h = keyboard_height(ctx, keys, keyboard_w);
    float results_top = field_max.y + theme.px(20);
    float results_bottom =
        landscape ? origin.y + avail.y - theme.px(20) : origin.y + avail.y - keyboard_h - theme.px(30);
    float results_h = results_bottom - results_top;
    ImGui::SetCursorScreenPos(ImVec2(field_min.x, results_top));
    if (begin_drag_scroll(ctx, "results", ImVec2(width, results_h))) {
        float item_w = width - theme.px(28);
        if (!c.catalog) {
            loading_or_error(ctx, c, item_w);
        } else if (c.query.empty()) {
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.type_to_search"), theme.muted, item_w);
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.search_example"), theme.muted, item_w);
        } else if (c.results.empty()) {
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.no_results"), theme.muted, item_w);
        }
        if (c.catalog) {
            for (const auto& hit : c.results) {
                const auto& p = c.catalog->procedures[hit.procedure];
                ImVec2 pos = ImGui::GetCursorScreenPos();
                float pad = theme.px(24);
                std::string sub = level_names(ctx, p) + "  ·  " + field_name(ctx, *c.catalog, p.field);
                // Highlights are byte ranges of the Vietnamese name; English names are drawn plain.
                std::vector<std::pair<size_t, size_t>> spans;
                if (ctx.lang() == i18n::Lang::vi || p.name_en.empty())
                    for (const auto& s : hit.name_spans)
                        spans.emplace_back(s.begin, s.end);
                std::string name = procedure_name(ctx, p);
                float text_w = item_w - 2 * pad;
                float name_h = measure(theme.fonts.body, name, text_w).y * 1.15f;
                float sub_h = measure(theme.fonts.small, sub, text_w).y;
                float h = std::max(theme.min_target(), name_h + sub_h + 2 * pad);
                ImGui::PushID(p.code.c_str());
                bool tapped = big_button(ctx, "hit", {"", {}, ImVec2(item_w, h), ButtonStyle::secondary});
                ImGui::PopID();
                highlighted_text(ctx, theme.fonts.body, name, spans, ImVec2(pos.x + pad, pos.y + pad), text_w,
                                 theme.text, theme.highlight);
                text_at(ctx, theme.fonts.small, sub, ImVec2(pos.x + pad, pos.y + pad + name_h), theme.muted);
                // The name is the tap target for scripts too.
                ctx.record(name, pos, ImVec2(pos.x + item_w, pos.y + h), true);
                if (tapped) ctx.send(features::catalog_ui::OpenProcedure{p.code});
                gap(ctx, 4);
            }
        }
    }
    end_drag_scroll();
    float keyboard_x = landscape ? field_min.x + width + theme.px(40) : field_min.x;
    ImGui::SetCursorScreenPos(ImVec2(keyboard_x, origin.y + avail.y - keyboard_h - theme.px(10)));
    draw_keyboard(ctx, keys, keyboard_w);
}

void draw_procedure_detail(UiContext& ctx, const CatalogModel& c) {
    const Theme& theme = ctx.theme();
    auto [origin, avail, left, width] = content_area(ctx);
    const catalog::Procedure* p = c.catalog ? c.catalog->find(c.procedure) : nullptr;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y));
    if (!p) {
        ImGui::BeginGroup();
        loading_or_error(ctx, c, width);
        ImGui::EndGroup();
        return;
    }
    bool online = !p->online_url.empty();
    // The footer holds the print button and, for online services, the QR with its caption; its height follows
    // the caption's wrapped text so large text never runs off the screen.
    float qr_side = online ? theme.px(avail.x > avail.y ? 200 : 240) : 0;
    float caption_w = qr_side + theme.px(160);
    std::string_view caption = ctx.tr("procedures.online_qr");
    float caption_h = online ? 1.15f * measure(theme.fonts.small, caption, caption_w).y + theme.px(20) : 0;
    float status_h =
        c.print_status_key.empty()
            ? 0
            : 1.15f * measure(theme.fonts.small, ctx.tr(c.print_status_key), width - caption_w).y;
    float button_h = std::max(theme.px(150), theme.min_target());
    float footer_h = std::max(button_h + status_h + theme.px(50), qr_side + caption_h + theme.px(10));
    // Landscape: the text scrolls on the left at full height and the actions sit in a column on the right.
    bool landscape = avail.x > avail.y;
    float column_w = landscape ? caption_w + theme.px(60) : 0;
    float text_width = landscape ? width - column_w - theme.px(40) : width;
    float scroll_h = landscape ? avail.y - theme.px(20) : avail.y - footer_h - theme.px(20);
    if (begin_drag_scroll(ctx, "detail", ImVec2(text_width, scroll_h))) {
        float w = text_width - theme.px(28);
        text_block(ctx, theme.fonts.title, procedure_name(ctx, *p), theme.text, w);
        if (ctx.lang() == i18n::Lang::en && !p->name_en.empty())
            text_block(ctx, theme.fonts.small, p->name, theme.muted, w);
        text_block(ctx, theme.fonts.small,
                   p->code + "  ·  " + field_name(ctx, *c.catalog, p->field) + "  ·  " + level_names(ctx, *p),
                   theme.muted, w);
        if (p->levels.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.ask_counter_level"), theme.warning, w);
        // The catalog keeps documents, steps and the office in Vietnamese only (their official wording, which
        // the counter uses): say so on the English screen instead of leaving the mixed languages unexplained.
        if (ctx.lang() == i18n::Lang::en)
            text_block(ctx, theme.fonts.small, ctx.tr("procedures.vietnamese_only"), theme.muted, w);

        section_title(ctx, ctx.tr("procedures.documents"), w);
        if (p->documents.empty())
            text_block(ctx, theme.fonts.body, ctx.tr("procedures.no_documents"), theme.muted, w);
        for (const auto& d : p->documents) {
            text_block(ctx, theme.fonts.body, "•  " + d.name, theme.text, w);
            std::string extra;
            if (!d.copies.empty()) extra = ctx.fmt("procedures.copies", {d.copies});
            if (!d.form.empty())
                extra += (extra.empty() ? "" : "  ·  ") + ctx.fmt("procedures.form", {d.form});
            if (!extra.empty()) {
                ImGui::SetCursorScreenPos(
                    ImVec2(ImGui::GetCursorScreenPos().x + theme.px(40), ImGui::GetCursorScreenPos().y));
                text_block(ctx, theme.fonts.small, extra, theme.muted, w - theme.px(40));
                ImGui::SetCursorScreenPos(
                    ImVec2(ImGui::GetCursorScreenPos().x - theme.px(40), ImGui::GetCursorScreenPos().y));
            }
        }
        if (!p->channels.empty()) {
            section_title(ctx, ctx.tr("procedures.time_fee"), w);
            for (const auto& ch : p->channels) {
                text_block(ctx, theme.fonts.body, std::string(ctx.tr(catalog::i18n_key(ch.kind))), theme.text,
                           w);
                ImGui::Indent(theme.px(40));
                if (auto t = time_summary(ctx, ch); !t.empty())
                    text_block(ctx, theme.fonts.body, ctx.fmt("procedures.time", {t}), theme.muted,
                               w - theme.px(40));
                if (auto f = fee_summary(ctx, ch); !f.empty())
                    text_block(ctx, theme.fonts.body, ctx.fmt("procedures.fee", {f}), theme.muted,
                               w - theme.px(40));
                ImGui::Unindent(theme.px(40));
            }
        }
        if (!p->agency.empty() && !p->levels.empty()) {
            section_title(ctx, ctx.tr("procedures.where"), w);
            text_block(ctx, theme.fonts.body, p->agency, theme.text, w);
        }
        if (!p->steps.empty()) {
            section_title(ctx, ctx.tr("procedures.steps"), w);
            for (size_t i = 0; i < p->steps.size(); ++i)
                text_block(ctx, theme.fonts.body, std::to_string(i + 1) + ".  " + p->steps[i], theme.text, w);
        }
        if (!p->conditions.empty()) {
            section_title(ctx, ctx.tr("procedures.conditions"), w);
            bullet_list(ctx, p->conditions, w);
        }
        if (!p->result.empty()) {
            section_title(ctx, ctx.tr("procedures.result"), w);
            text_block(ctx, theme.fonts.body, p->result, theme.text, w);
        }
        if (!p->legal_basis.empty()) {
            section_title(ctx, ctx.tr("procedures.legal_basis"), w);
            bullet_list(ctx, p->legal_basis, w);
        }
        gap(ctx, 24);
        // Where the data comes from is for staff (kioskctl); the citizen sees how fresh it is.
        text_block(ctx, theme.fonts.small, ctx.fmt("procedures.checked_on", {citizen_date(p->checked)}),
                   theme.muted, w);
        gap(ctx, 40);
    }
    end_drag_scroll();

    // Footer: print the checklist; the QR to the online service where it exists.
    float top = landscape ? origin.y : origin.y + avail.y - footer_h;
    float button_x = landscape ? origin.x + left + width - column_w : origin.x + left;
    float button_w = landscape ? column_w : online ? width - caption_w - theme.px(30) : width;
    ImGui::SetCursorScreenPos(ImVec2(button_x, top));
    ImGui::BeginGroup();
    if (big_button(ctx, "print-checklist",
                   {ctx.tr(c.printing ? "procedures.printing" : "procedures.print_checklist"),
                    {},
                    ImVec2(button_w, button_h),
                    ButtonStyle::primary,
                    !c.printing}))
        ctx.send(features::catalog_ui::PrintChecklist{p->code});
    if (!c.print_status_key.empty())
        text_block(ctx, theme.fonts.small, ctx.tr(c.print_status_key),
                   c.print_status_key == "procedures.printed" ? theme.success : theme.danger, button_w);
    ImGui::EndGroup();
    // In the landscape column the QR takes what height the (possibly tall) print button leaves; when too
    // little is left for a scannable code it is not drawn at all rather than cut off.
    float qr_top = landscape ? ImGui::GetItemRectMax().y + theme.px(40) : top;
    float side =
        landscape ? std::min(qr_side, origin.y + avail.y - qr_top - caption_h - theme.px(10)) : qr_side;
    if (online && side >= theme.px(120)) {
        float caption_x = origin.x + left + width - caption_w - (landscape ? (column_w - caption_w) / 2 : 0);
        ImVec2 qr_pos(caption_x + (caption_w - side) / 2, qr_top);
        ImGui::SetCursorScreenPos(qr_pos);
        draw_qr(c.online_qr, side);
        ImGui::SetCursorScreenPos(ImVec2(caption_x, qr_pos.y + side + theme.px(8)));
        text_block(ctx, theme.fonts.small, caption, theme.muted, caption_w, true);
    }
}

} // namespace kiosk::ui
