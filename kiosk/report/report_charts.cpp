#include "kiosk/report/report_charts.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace kiosk::report {
namespace {

constexpr double kWidth = 1400, kHeight = 2000;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.13, 0.17}, kMuted{0.36, 0.39, 0.44}, kGrid{0.85, 0.87, 0.90};
constexpr Rgb kBlue{0.00, 0.33, 0.65}, kOrange{0.85, 0.45, 0.05};
// Rating levels: not satisfied, satisfied, very satisfied (also told apart by their order and the legend).
constexpr Rgb kLevel[3] = {{0.80, 0.25, 0.15}, {0.55, 0.70, 0.90}, {0.10, 0.55, 0.30}};

void color(cairo_t* cr, Rgb c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// Text at (x, y) (top-left), or right-aligned / centred on x; returns its pixel size.
enum class Align { left, right, center };
std::pair<double, double> text(cairo_t* cr, const std::string& s, double x, double y, double size, Rgb c,
                               bool bold = false, Align align = Align::left) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, "Noto Sans");
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    double left = align == Align::left ? x : align == Align::right ? x - w : x - w / 2.0;
    color(cr, c);
    cairo_move_to(cr, left, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
    return {w, h};
}

// A "nice" axis step (1, 2 or 5 × 10^n) giving about `ticks` intervals up to `max`.
double nice_step(double max, int ticks) {
    if (max <= 0) return 1;
    double raw = max / ticks;
    double mag = std::pow(10, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10 * mag;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v == std::floor(v) ? "%.0f" : "%.1f", v);
    return buf;
}

struct Box {
    double x, y, w, h;
};

void legend(cairo_t* cr, double x, double y, const std::vector<std::pair<std::string, Rgb>>& items);

// Vertical bars: tickets per hour of day (no-shows in another colour), with a value axis and gridlines.
void hours_chart(cairo_t* cr, Box b, const OfficeReport& r, const i18n::Translator& tr, i18n::Lang lang) {
    text(cr, std::string(tr.tr("report.tickets_per_hour", lang)), b.x, b.y, 26, kInk, true);
    legend(cr, b.x + b.w - 560, b.y + 4,
           {{std::string(tr.tr("report.issued", lang)), kBlue},
            {std::string(tr.tr("report.no_shows", lang)), kOrange}});
    auto hours = rows_of(r, "hour");
    Box plot{b.x + 80, b.y + 50, b.w - 100, b.h - 110};
    if (hours.empty()) {
        text(cr, std::string(tr.tr("report.no_data", lang)), plot.x, plot.y, 18, kMuted);
        return;
    }
    int first = 24, last = -1;
    double max = 0;
    for (const auto* h : hours) {
        int hour = std::stoi(h->key);
        first = std::min(first, hour), last = std::max(last, hour);
        max = std::max(max, static_cast<double>(h->issued));
    }
    double step = nice_step(max, 5), top = std::ceil(max / step) * step;
    cairo_set_line_width(cr, 1);
    for (double v = 0; v <= top + 1e-9; v += step) {
        double y = plot.y + plot.h - v / top * plot.h;
        color(cr, kGrid);
        cairo_move_to(cr, plot.x, y);
        cairo_line_to(cr, plot.x + plot.w, y);
        cairo_stroke(cr);
        text(cr, number(v), plot.x - 10, y - 10, 16, kMuted, false, Align::right);
    }
    const int n = last - first + 1;
    const double slot = plot.w / n;
    for (const auto* h : hours) {
        int i = std::stoi(h->key) - first;
        double bh = static_cast<double>(h->issued) / top * plot.h;
        color(cr, kBlue);
        cairo_rectangle(cr, plot.x + i * slot + slot * 0.15, plot.y + plot.h - bh, slot * 0.7, bh);
        cairo_fill(cr);
        // The no-shows of that hour: the bottom part of its bar, in its own colour and named in the legend.
        double nh = static_cast<double>(h->no_shows) / top * plot.h;
        color(cr, kOrange);
        cairo_rectangle(cr, plot.x + i * slot + slot * 0.15, plot.y + plot.h - nh, slot * 0.7, nh);
        cairo_fill(cr);
        text(cr, number(static_cast<double>(h->issued)), plot.x + (i + 0.5) * slot, plot.y + plot.h - bh - 22,
             14, kInk, false, Align::center);
    }
    for (int i = 0; i < n; ++i) {
        char label[8];
        std::snprintf(label, sizeof label, "%02dh", first + i);
        text(cr, label, plot.x + (i + 0.5) * slot, plot.y + plot.h + 6, 16, kMuted, false, Align::center);
    }
    color(cr, kInk);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, plot.x, plot.y);
    cairo_line_to(cr, plot.x, plot.y + plot.h);
    cairo_line_to(cr, plot.x + plot.w, plot.y + plot.h);
    cairo_stroke(cr);
    text(cr, std::string(tr.tr("report.hour_axis", lang)), plot.x + plot.w / 2, plot.y + plot.h + 30, 16,
         kMuted, false, Align::center);
}

void legend(cairo_t* cr, double x, double y, const std::vector<std::pair<std::string, Rgb>>& items) {
    for (const auto& [label, c] : items) {
        color(cr, c);
        cairo_rectangle(cr, x, y + 4, 22, 16);
        cairo_fill(cr);
        auto [w, h] = text(cr, label, x + 30, y, 16, kInk);
        x += 30 + w + 30;
    }
}

// Horizontal paired bars: waiting time median and 90th percentile per service, in minutes.
void wait_chart(cairo_t* cr, Box b, const OfficeReport& r, const i18n::Translator& tr, i18n::Lang lang) {
    text(cr, std::string(tr.tr("report.wait_per_service", lang)), b.x, b.y, 26, kInk, true);
    legend(cr, b.x, b.y + 42,
           {{std::string(tr.tr("report.median", lang)), kBlue},
            {std::string(tr.tr("report.p90", lang)), kOrange}});
    auto services = rows_of(r, "service");
    Box plot{b.x + 140, b.y + 80, b.w - 200, b.h - 90};
    double max = 0;
    for (const auto* s : services)
        max = std::max({max, s->wait.p50_s.value_or(0) / 60, s->wait.p90_s.value_or(0) / 60});
    if (services.empty() || max <= 0) {
        text(cr, std::string(tr.tr("report.no_data", lang)), plot.x, plot.y, 18, kMuted);
        return;
    }
    double step = nice_step(max, 5), right = std::ceil(max / step) * step;
    for (double v = 0; v <= right + 1e-9; v += step) {
        double x = plot.x + v / right * plot.w;
        color(cr, kGrid);
        cairo_set_line_width(cr, 1);
        cairo_move_to(cr, x, plot.y);
        cairo_line_to(cr, x, plot.y + plot.h - 24);
        cairo_stroke(cr);
        text(cr, number(v), x, plot.y + plot.h - 22, 14, kMuted, false, Align::center);
    }
    const double slot = (plot.h - 30) / static_cast<double>(services.size());
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto* s = services[i];
        double y = plot.y + static_cast<double>(i) * slot;
        text(cr, s->key, plot.x - 12, y + slot * 0.25, 18, kInk, true, Align::right);
        const std::optional<double> values[2] = {s->wait.p50_s, s->wait.p90_s};
        for (int k = 0; k < 2; ++k) {
            if (!values[k]) continue;
            double minutes = *values[k] / 60, bw = minutes / right * plot.w;
            double by = y + slot * (0.1 + 0.4 * k), bh = slot * 0.35;
            color(cr, k ? kOrange : kBlue);
            cairo_rectangle(cr, plot.x, by, bw, bh);
            cairo_fill(cr);
            text(cr, number(std::round(minutes * 10) / 10), plot.x + bw + 6, by + bh / 2 - 9, 14, kInk);
        }
    }
}

// Stacked horizontal bars of rating counts (not satisfied, satisfied, very satisfied) for each row.
void ratings_chart(cairo_t* cr, Box b, const std::string& title,
                   const std::vector<std::pair<std::string, const StatsRow*>>& rows,
                   const i18n::Translator& tr, i18n::Lang lang) {
    text(cr, title, b.x, b.y, 26, kInk, true);
    legend(cr, b.x, b.y + 42,
           {{std::string(tr.tr("rating.level.not_satisfied", lang)), kLevel[0]},
            {std::string(tr.tr("rating.level.satisfied", lang)), kLevel[1]},
            {std::string(tr.tr("rating.level.very_satisfied", lang)), kLevel[2]}});
    text(cr, std::string(tr.tr("report.satisfied_share", lang)), b.x + b.w, b.y + 42, 16, kMuted, false,
         Align::right);
    Box plot{b.x + 140, b.y + 80, b.w - 220, b.h - 90};
    double max = 0;
    for (const auto& [label, row] : rows)
        max = std::max(max, static_cast<double>(row->ratings[0] + row->ratings[1] + row->ratings[2]));
    if (rows.empty() || max <= 0) {
        text(cr, std::string(tr.tr("report.no_data", lang)), plot.x, plot.y, 18, kMuted);
        return;
    }
    const double slot = plot.h / static_cast<double>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [label, row] = rows[i];
        double y = plot.y + static_cast<double>(i) * slot, x = plot.x, bh = std::min(slot * 0.7, 46.0);
        text(cr, label, plot.x - 12, y + bh / 2 - 11, 18, kInk, true, Align::right);
        std::int64_t total = 0;
        for (int k = 0; k < 3; ++k) {
            double bw = static_cast<double>(row->ratings[static_cast<std::size_t>(k)]) / max * plot.w;
            color(cr, kLevel[k]);
            cairo_rectangle(cr, x, y, bw, bh);
            cairo_fill(cr);
            // White separators keep neighbouring segments apart without relying on colour.
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 2);
            cairo_move_to(cr, x + bw, y);
            cairo_line_to(cr, x + bw, y + bh);
            cairo_stroke(cr);
            if (bw > 40)
                text(cr, number(static_cast<double>(row->ratings[static_cast<std::size_t>(k)])), x + bw / 2,
                     y + bh / 2 - 9, 14, k == 1 ? kInk : Rgb{1, 1, 1}, true, Align::center);
            x += bw;
            total += row->ratings[static_cast<std::size_t>(k)];
        }
        const double satisfied = total ? 100.0 * static_cast<double>(row->ratings[1] + row->ratings[2]) /
                                             static_cast<double>(total)
                                       : 0;
        text(cr, number(std::round(satisfied)) + "%", x + 8, y + bh / 2 - 10, 16, kMuted);
    }
}

void draw_page(cairo_t* cr, const OfficeReport& r, const i18n::Translator& tr, i18n::Lang lang) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double m = 60;
    text(cr, std::string(tr.tr("report.title", lang)), m, 40, 36, kInk, true);
    // "2026-11-01" → "01/11/2026", as dates are written in Vietnam.
    auto date = [](const std::string& iso) {
        return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : iso;
    };
    std::string period = tr.format("report.period", lang, {date(r.query.from.iso), date(r.query.to.iso)});
    if (!r.query.service.empty())
        period += "  ·  " + tr.format("report.service_filter", lang, {r.query.service});
    text(cr, period, m, 92, 20, kMuted);
    const auto& t = r.rows.front();
    text(cr,
         tr.format("report.totals", lang,
                   {std::to_string(t.issued), std::to_string(t.served), std::to_string(t.voided),
                    std::to_string(t.no_shows), std::to_string(t.print_failures),
                    std::to_string(t.ratings[0] + t.ratings[1] + t.ratings[2])}),
         m, 124, 20, kInk);
    const double w = kWidth - 2 * m;
    hours_chart(cr, {m, 180, w, 520}, r, tr, lang);
    wait_chart(cr, {m, 740, w, 420}, r, tr, lang);
    std::vector<std::pair<std::string, const StatsRow*>> services, counters;
    for (const auto* s : rows_of(r, "service"))
        services.emplace_back(s->key, s);
    for (const auto* c : rows_of(r, "counter"))
        counters.emplace_back(tr.format("report.counter", lang, {c->key}), c);
    ratings_chart(cr, {m, 1200, w, 360}, std::string(tr.tr("report.ratings_per_service", lang)), services, tr,
                  lang);
    ratings_chart(cr, {m, 1600, w, 360}, std::string(tr.tr("report.ratings_per_counter", lang)), counters, tr,
                  lang);
}

Status check(cairo_status_t st, const std::string& what) {
    if (st == CAIRO_STATUS_SUCCESS) return Ok{};
    return make_error("report.draw_failed", what + ": " + cairo_status_to_string(st));
}

} // namespace

Status draw_report(const OfficeReport& r, const i18n::Translator& tr, i18n::Lang lang,
                   const std::filesystem::path& png, const std::filesystem::path& pdf) {
    if (r.rows.empty()) return make_error("report.draw_failed", "the report has no total row");
    if (!png.empty()) {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kWidth),
                                                              static_cast<int>(kHeight));
        cairo_t* cr = cairo_create(surface);
        draw_page(cr, r, tr, lang);
        Status drawn = check(cairo_status(cr), "draw the report");
        cairo_destroy(cr);
        Status written =
            drawn ? check(cairo_surface_write_to_png(surface, png.c_str()), "write " + png.string()) : drawn;
        cairo_surface_destroy(surface);
        if (!written) return written;
    }
    if (!pdf.empty()) {
        // The same page in points: 1400×2000 px drawn at 0.42 ≈ 588×840 pt (a little larger than A4 width).
        const double scale = 0.42;
        cairo_surface_t* surface = cairo_pdf_surface_create(pdf.c_str(), kWidth * scale, kHeight * scale);
        cairo_t* cr = cairo_create(surface);
        cairo_scale(cr, scale, scale);
        draw_page(cr, r, tr, lang);
        Status drawn = check(cairo_status(cr), "draw the report");
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        Status written = drawn ? check(cairo_surface_status(surface), "write " + pdf.string()) : drawn;
        cairo_surface_destroy(surface);
        if (!written) return written;
    }
    return Ok{};
}

Result<ReportImage> render_report_image(const OfficeReport& r, const i18n::Translator& tr, i18n::Lang lang,
                                        int width) {
    if (r.rows.empty()) return make_error("report.draw_failed", "the report has no total row");
    if (width < 100 || width > 4000) return make_error("report.draw_failed", "image width out of range");
    const double scale = width / kWidth;
    const int height = static_cast<int>(std::lround(kHeight * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw_page(cr, r, tr, lang);
    Status drawn = check(cairo_status(cr), "draw the report");
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    ReportImage out;
    if (drawn) {
        // RGB24 keeps each pixel in a native-endian 32-bit word 0x00RRGGBB.
        out.width = width;
        out.height = height;
        out.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        const int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < height; ++y) {
            const auto* row =
                reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
            unsigned char* dst =
                out.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 4;
            for (int x = 0; x < width; ++x) {
                const std::uint32_t px = row[x];
                dst[x * 4] = static_cast<unsigned char>(px >> 16);
                dst[x * 4 + 1] = static_cast<unsigned char>(px >> 8);
                dst[x * 4 + 2] = static_cast<unsigned char>(px);
                dst[x * 4 + 3] = 255;
            }
        }
    }
    cairo_surface_destroy(surface);
    if (!drawn) return drawn.error();
    return out;
}

} // namespace kiosk::report
