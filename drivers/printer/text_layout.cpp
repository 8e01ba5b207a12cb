// Measuring, wrapping and drawing lines of text.
#include "drivers/printer/text_layout.hpp"

namespace kiosk::printer {

int measure(const FontSet& fonts, TextStyle style, std::u32string_view line) {
    int w = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        w += fonts.glyph(style.face, style.em, line[i]).advance;
        if (i + 1 < line.size()) w += fonts.kern(style.face, style.em, line[i], line[i + 1]);
    }
    return w;
}

namespace {

void trim_spaces(std::u32string& s) {
    while (!s.empty() && s.back() == U' ')
        s.pop_back();
    size_t start = 0;
    while (start < s.size() && s[start] == U' ')
        ++start;
    s.erase(0, start);
}

// Breaks one over-wide word into pieces that fit, glyph by glyph.
void split_word(const FontSet& fonts, TextStyle style, std::u32string_view word, int max_width,
                std::vector<std::u32string>& out) {
    std::u32string piece;
    for (char32_t cp : word) {
        piece.push_back(cp);
        if (piece.size() > 1 && measure(fonts, style, piece) > max_width) {
            piece.pop_back();
            out.push_back(piece);
            piece.assign(1, cp);
        }
    }
    if (!piece.empty()) out.push_back(piece);
}

void wrap_paragraph(const FontSet& fonts, TextStyle style, std::u32string_view para, int max_width,
                    std::vector<std::u32string>& out) {
    std::u32string line;
    size_t pos = 0;
    while (pos <= para.size()) {
        size_t end = para.find(U' ', pos);
        if (end == std::u32string_view::npos) end = para.size();
        const std::u32string_view word = para.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        std::u32string candidate = line.empty() ? std::u32string(word) : line + U' ' + std::u32string(word);
        if (measure(fonts, style, candidate) <= max_width) {
            line = std::move(candidate);
            continue;
        }
        if (!line.empty()) out.push_back(line);
        line.clear();
        if (measure(fonts, style, word) <= max_width) {
            line = word;
        } else {
            std::vector<std::u32string> pieces;
            split_word(fonts, style, word, max_width, pieces);
            for (size_t i = 0; i + 1 < pieces.size(); ++i)
                out.push_back(pieces[i]);
            line = pieces.back();
        }
    }
    trim_spaces(line);
    if (!line.empty()) out.push_back(line);
}

} // namespace

std::vector<std::u32string> wrap(const FontSet& fonts, TextStyle style, std::u32string_view text,
                                 int max_width) {
    std::vector<std::u32string> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find(U'\n', pos);
        if (end == std::u32string_view::npos) end = text.size();
        wrap_paragraph(fonts, style, text.substr(pos, end - pos), max_width, out);
        pos = end + 1;
    }
    return out;
}

void draw_line(Raster& raster, const FontSet& fonts, TextStyle style, std::u32string_view line, int x,
               int baseline, bool ink, int threshold) {
    int pen = x;
    for (size_t i = 0; i < line.size(); ++i) {
        const Glyph& g = fonts.glyph(style.face, style.em, line[i]);
        for (int gy = 0; gy < g.height; ++gy) {
            const std::uint8_t* cov =
                g.coverage.data() + static_cast<size_t>(gy) * static_cast<size_t>(g.width);
            for (int gx = 0; gx < g.width; ++gx)
                if (cov[gx] >= threshold) raster.set(pen + g.x_offset + gx, baseline + g.y_offset + gy, ink);
        }
        pen += g.advance;
        if (i + 1 < line.size()) pen += fonts.kern(style.face, style.em, line[i], line[i + 1]);
    }
}

} // namespace kiosk::printer
