// FontSet: stb_truetype parsing plus a mutex-guarded glyph cache.
#include "drivers/printer/font_set.hpp"

#include <stb/stb_truetype.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_map>

namespace kiosk::printer {

namespace {

struct FaceData {
    std::vector<unsigned char> bytes; // stb_truetype keeps pointers into this buffer
    stbtt_fontinfo info{};
    std::unordered_map<char32_t, int> index_cache;
};

Result<std::vector<unsigned char>> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("font_unreadable", "cannot open font file " + path.string());
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 12) return make_error("font_invalid", "font file too short: " + path.string());
    return bytes;
}

Result<std::unique_ptr<FaceData>> load_face(const std::filesystem::path& path) {
    auto bytes = read_file(path);
    if (!bytes) return bytes.error();
    auto face = std::make_unique<FaceData>();
    face->bytes = std::move(bytes.value());
    const int offset = stbtt_GetFontOffsetForIndex(face->bytes.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&face->info, face->bytes.data(), offset))
        return make_error("font_invalid", "not a TrueType/OpenType font: " + path.string());
    return face;
}

std::uint64_t cache_key(Face face, int em, char32_t cp) {
    return (static_cast<std::uint64_t>(face) << 56) | (static_cast<std::uint64_t>(em & 0xFFFF) << 32) | cp;
}

} // namespace

struct FontSet::Impl {
    std::unique_ptr<FaceData> faces[2];
    mutable std::mutex mutex;
    mutable std::unordered_map<std::uint64_t, Glyph> glyphs; // node-based: references survive rehash

    FaceData& data(Face f) const { return *faces[static_cast<int>(f)]; }

    int index_of(Face f, char32_t cp) const { // callers hold `mutex`
        FaceData& d = data(f);
        auto it = d.index_cache.find(cp);
        if (it != d.index_cache.end()) return it->second;
        const int idx = stbtt_FindGlyphIndex(&d.info, static_cast<int>(cp));
        d.index_cache.emplace(cp, idx);
        return idx;
    }
};

FontSet::FontSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;
FontSet::~FontSet() = default;

Result<FontSet> FontSet::load(const std::filesystem::path& regular, const std::filesystem::path& bold) {
    auto impl = std::make_unique<Impl>();
    auto r = load_face(regular);
    if (!r) return r.error();
    auto b = load_face(bold);
    if (!b) return b.error();
    impl->faces[0] = std::move(r.value());
    impl->faces[1] = std::move(b.value());
    return FontSet(std::move(impl));
}

Result<FontSet> FontSet::load_from_assets(const std::filesystem::path& assets_dir) {
    return load(assets_dir / "fonts" / "NotoSans-Regular.ttf", assets_dir / "fonts" / "NotoSans-Bold.ttf");
}

const Glyph& FontSet::glyph(Face face, int em, char32_t cp) const {
    std::lock_guard lock(impl_->mutex);
    const auto key = cache_key(face, em, cp);
    if (auto it = impl_->glyphs.find(key); it != impl_->glyphs.end()) return it->second;

    FaceData& d = impl_->data(face);
    const float scale = stbtt_ScaleForMappingEmToPixels(&d.info, static_cast<float>(em));
    const int idx = impl_->index_of(face, cp);
    Glyph g;
    g.missing = idx == 0;
    int adv = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&d.info, idx, &adv, &lsb);
    g.advance = static_cast<int>(std::lround(adv * scale));
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&d.info, idx, scale, scale, &x0, &y0, &x1, &y1);
    g.x_offset = x0;
    g.y_offset = y0;
    g.width = x1 - x0;
    g.height = y1 - y0;
    if (g.width > 0 && g.height > 0) {
        g.coverage.assign(static_cast<size_t>(g.width) * static_cast<size_t>(g.height), 0);
        stbtt_MakeGlyphBitmap(&d.info, g.coverage.data(), g.width, g.height, g.width, scale, scale, idx);
    } else {
        g.width = g.height = 0;
    }
    return impl_->glyphs.emplace(key, std::move(g)).first->second;
}

int FontSet::kern(Face face, int em, char32_t left, char32_t right) const {
    std::lock_guard lock(impl_->mutex);
    FaceData& d = impl_->data(face);
    if (!d.info.kern && !d.info.gpos) return 0;
    const int a = impl_->index_of(face, left);
    const int b = impl_->index_of(face, right);
    const int k = stbtt_GetGlyphKernAdvance(&d.info, a, b);
    if (k == 0) return 0;
    return static_cast<int>(
        std::lround(k * stbtt_ScaleForMappingEmToPixels(&d.info, static_cast<float>(em))));
}

bool FontSet::has_glyph(Face face, char32_t cp) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->index_of(face, cp) != 0;
}

size_t FontSet::cached_glyphs() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->glyphs.size();
}

} // namespace kiosk::printer
