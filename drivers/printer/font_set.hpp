#pragma once
// FontSet: the regular and bold TrueType faces used on tickets, parsed once, with a cache of rendered glyphs
// (coverage bitmaps) per face, size and code point so a ticket renders in a few milliseconds.
// Sizes are em sizes in dots (the height of one em square). Thread-safe for concurrent renders.
// It does not lay out lines or shape complex scripts: one code point maps to one glyph, which is what
// Vietnamese needs as long as text is NFC (precomposed letters such as "ệ" have their own glyphs).

#include "kiosk/core/util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace kiosk::printer {

enum class Face { regular, bold };

struct Glyph {
    int advance = 0;  // pen advance in dots (rounded)
    int x_offset = 0; // left of the bitmap relative to the pen
    int y_offset = 0; // top of the bitmap relative to the baseline (negative = above)
    int width = 0;
    int height = 0;
    bool missing = false;               // the font has no glyph for this code point
    std::vector<std::uint8_t> coverage; // width*height, 0..255
};

class FontSet {
  public:
    // Reads and parses both files; errors name the file that could not be read or parsed.
    [[nodiscard]] static Result<FontSet> load(const std::filesystem::path& regular,
                                              const std::filesystem::path& bold);
    // The fonts shipped in <assets>/fonts (NotoSans-Regular.ttf, NotoSans-Bold.ttf).
    [[nodiscard]] static Result<FontSet> load_from_assets(const std::filesystem::path& assets_dir);

    FontSet(FontSet&&) noexcept;
    FontSet& operator=(FontSet&&) noexcept;
    ~FontSet();

    // A glyph rendered at `em` dots; the reference stays valid for the FontSet's lifetime.
    [[nodiscard]] const Glyph& glyph(Face face, int em, char32_t cp) const;
    // Kerning adjustment in dots between two code points (from the font's 'kern' table, if any).
    [[nodiscard]] int kern(Face face, int em, char32_t left, char32_t right) const;
    [[nodiscard]] bool has_glyph(Face face, char32_t cp) const;
    [[nodiscard]] size_t cached_glyphs() const;

  private:
    struct Impl;
    explicit FontSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::printer
