// Ticket layout: a top-to-bottom composer that grows the raster as it places each block.
#include "drivers/printer/ticket_renderer.hpp"

#include "drivers/printer/qr_matrix.hpp"
#include "drivers/printer/text_layout.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::printer {

int paper_dots(PaperWidth paper) {
    return paper == PaperWidth::mm80 ? 576 : 384;
}
int paper_mm(PaperWidth paper) {
    return paper == PaperWidth::mm80 ? 80 : 58;
}

std::optional<PaperWidth> paper_from_mm(int mm) {
    if (mm == 80) return PaperWidth::mm80;
    if (mm == 58) return PaperWidth::mm58;
    return std::nullopt;
}

namespace {

// Type sizes (em, in dots) and spacing per paper width. 58 mm heads are 2/3 as wide, so text shrinks a little
// less than that to stay readable for elderly citizens.
struct Metrics {
    int margin, office, subtitle, service, number, priority, body, counters, extra, caption, footer;
    int qr_target; // preferred QR side in dots
};

constexpr Metrics metrics_80{16, 32, 26, 34, 210, 30, 28, 32, 26, 20, 24, 200};
constexpr Metrics metrics_58{10, 24, 20, 26, 160, 24, 21, 24, 20, 17, 20, 168};

class Composer {
  public:
    Composer(const FontSet& fonts, int width, int margin)
        : fonts_(fonts), raster_(width, 0), margin_(margin), content_(width - 2 * margin) {}

    void gap(int dots) { raster_.grow(dots); }

    // Wrapped lines, each centred (or left-aligned with a hanging indent for continuation lines).
    void text(std::string_view utf8, TextStyle style, bool centred = true, int hanging_indent = 0) {
        if (utf8.empty()) return;
        const std::u32string text = text::decode(utf8);
        const auto lines = wrap(fonts_, style, text, content_ - (centred ? 0 : hanging_indent));
        for (size_t i = 0; i < lines.size(); ++i) {
            const int indent = (!centred && i > 0) ? hanging_indent : 0;
            line(lines[i], style, centred, indent, true);
        }
    }

    // Inverse box (white text on black) for the priority label: visible from a distance.
    void inverse_label(std::string_view utf8, TextStyle style) {
        if (utf8.empty()) return;
        const auto lines = wrap(fonts_, style, text::decode(utf8), content_ - style.em);
        const int pad = style.em / 4;
        int widest = 0, total = 0;
        for (const auto& l : lines) {
            widest = std::max(widest, measure(fonts_, style, l));
            total += line_height(l, style);
        }
        const int box_w = std::min(content_, widest + style.em);
        const int x0 = (raster_.width() - box_w) / 2;
        const int top = raster_.height();
        gap(total + 2 * pad);
        raster_.fill_rect(x0, top, x0 + box_w, raster_.height());
        int y = top + pad;
        for (const auto& l : lines)
            y = line_at(l, style, true, 0, false, y);
    }

    // The number, as large as fits the width (never above `em`).
    void big(std::string_view utf8, int em) {
        if (utf8.empty()) return;
        const std::u32string text = text::decode(utf8);
        TextStyle style{Face::bold, em};
        const int w = measure(fonts_, style, text);
        if (w > content_) style.em = std::max(24, em * content_ / w);
        while (style.em > 24 && measure(fonts_, style, text) > content_)
            style.em -= 2;
        // Digits and capitals are ~0.72 em tall: tighter leading than body text keeps the ticket short.
        int top = 0, bottom = 0;
        ink_extent(text, style, top, bottom);
        const int y = raster_.height();
        gap(bottom - top);
        const int x = margin_ + (content_ - measure(fonts_, style, text)) / 2;
        draw_line(raster_, fonts_, style, text, x, y - top);
    }

    void rule(int thickness = 2) {
        const int y = raster_.height();
        gap(thickness);
        // Dashed: reads as a separator, not as a cut mark.
        for (int x = margin_; x < margin_ + content_; x += 12)
            raster_.fill_rect(x, y, std::min(x + 8, margin_ + content_), y + thickness);
    }

    Status qr(std::string_view payload, int target) {
        if (payload.empty()) return Ok{};
        auto qr = encode_qr(payload);
        if (!qr) return qr.error();
        const int modules = qr->size;
        // Whole dots per module, at least 4 (0.5 mm) so phone cameras and scanners read it.
        const int scale = std::clamp(target / modules, 4, 10);
        const int side = modules * scale;
        if (side > content_)
            return make_error("qr_encode", "QR payload of " + std::to_string(payload.size()) +
                                               " bytes needs " + std::to_string(side) + " dots; paper has " +
                                               std::to_string(content_));
        const int y0 = raster_.height();
        const int x0 = (raster_.width() - side) / 2;
        gap(side);
        for (int my = 0; my < modules; ++my)
            for (int mx = 0; mx < modules; ++mx)
                if (qr->dark(mx, my))
                    raster_.fill_rect(x0 + mx * scale, y0 + my * scale, x0 + (mx + 1) * scale,
                                      y0 + (my + 1) * scale);
        return Ok{};
    }

    Raster take() { return std::move(raster_); }

  private:
    // Ink extent of a line relative to its baseline (top negative), at least the nominal ascent/descent so
    // lines of one size sit on an even grid, more when stacked Vietnamese diacritics (e.g. "Ấ") reach higher.
    void ink_extent(std::u32string_view text, TextStyle style, int& top, int& bottom) const {
        top = 0;
        bottom = 0;
        for (char32_t cp : text) {
            const Glyph& g = fonts_.glyph(style.face, style.em, cp);
            if (g.height == 0) continue;
            top = std::min(top, g.y_offset);
            bottom = std::max(bottom, g.y_offset + g.height);
        }
    }

    [[nodiscard]] int ascent(std::u32string_view l, TextStyle style, int& descent) const {
        int top = 0, bottom = 0;
        ink_extent(l, style, top, bottom);
        descent = std::max(bottom, static_cast<int>(std::lround(style.em * 0.27)));
        return std::max(-top, static_cast<int>(std::lround(style.em * 0.95)));
    }

    [[nodiscard]] int line_height(std::u32string_view l, TextStyle style) const {
        int descent = 0;
        const int a = ascent(l, style, descent);
        return a + descent;
    }

    void line(std::u32string_view l, TextStyle style, bool centred, int indent, bool ink) {
        const int y = raster_.height();
        gap(line_height(l, style));
        line_at(l, style, centred, indent, ink, y);
    }

    // Draws one line whose box starts at `y` (the raster must already be tall enough); returns the y below
    // it.
    int line_at(std::u32string_view l, TextStyle style, bool centred, int indent, bool ink, int y) {
        int descent = 0;
        const int a = ascent(l, style, descent);
        const int w = measure(fonts_, style, l);
        const int x = centred ? margin_ + (content_ - w) / 2 : margin_ + indent;
        draw_line(raster_, fonts_, style, l, x, y + a, ink);
        return y + a + descent;
    }

    const FontSet& fonts_;
    Raster raster_;
    int margin_;
    int content_;
};

} // namespace

Result<Raster> render_ticket(const ticket::TicketLayout& t, PaperWidth paper, const FontSet& fonts) {
    const Metrics& m = paper == PaperWidth::mm80 ? metrics_80 : metrics_58;
    Composer c(fonts, paper_dots(paper), m.margin);

    c.gap(m.margin);
    c.text(t.office_name, {Face::bold, m.office});
    c.text(t.office_subtitle, {Face::regular, m.subtitle});
    if (!t.office_name.empty() || !t.office_subtitle.empty()) {
        c.gap(m.body / 2);
        c.rule();
        c.gap(m.body / 2);
    }
    c.text(t.service_name, {Face::bold, m.service});
    if (!t.priority_label.empty()) {
        c.gap(m.body / 4);
        c.inverse_label(t.priority_label, {Face::bold, m.priority});
    }
    if (!t.number_text.empty()) {
        c.gap(m.body * 2 / 3);
        c.big(t.number_text, m.number);
        c.gap(m.body * 2 / 3);
    }
    c.text(t.issued_text, {Face::regular, m.body});
    c.text(t.people_ahead_text, {Face::regular, m.body});
    c.text(t.counters_text, {Face::bold, m.counters});

    if (!t.extra_title.empty() || !t.extra_lines.empty()) {
        c.gap(m.body / 2);
        c.rule();
        c.gap(m.body / 3);
        c.text(t.extra_title, {Face::bold, m.extra});
        for (const auto& l : t.extra_lines)
            c.text(l, {Face::regular, m.extra}, false, m.extra);
    }

    if (!t.qr_payload.empty()) {
        c.gap(m.body * 2 / 3);
        if (auto s = c.qr(t.qr_payload, m.qr_target); !s) return s.error();
        c.gap(m.caption / 3);
        c.text(t.qr_caption, {Face::regular, m.caption});
    }
    if (!t.footer.empty()) {
        c.gap(m.body / 2);
        c.text(t.footer, {Face::regular, m.footer});
    }
    c.gap(m.margin);
    return c.take();
}

} // namespace kiosk::printer
