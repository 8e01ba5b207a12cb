#include "kiosk/app/preview_texture.hpp"

#include <SDL_opengl.h>

#include <cstdint>
#include <vector>

namespace kiosk::app {

PreviewTexture::~PreviewTexture() {
    if (texture_) glDeleteTextures(1, &texture_);
}

bool PreviewTexture::update(ui::PreviewImage& preview) {
    if ((preview.sequence == uploaded_ && &preview == source_) || preview.width <= 0 || preview.height <= 0)
        return false;
    const auto pixels = static_cast<std::size_t>(preview.width) * static_cast<std::size_t>(preview.height);
    if (preview.rgba.empty() ? preview.luma.size() < pixels : preview.rgba.size() < pixels * 4) return false;
    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    // RGBA: the one format every GL 3 context and ImGui's shader agree on.
    std::vector<std::uint8_t> rgba;
    if (preview.rgba.empty()) {
        rgba.resize(pixels * 4);
        for (size_t i = 0; i < pixels; ++i) {
            rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = preview.luma[i];
            rgba[i * 4 + 3] = 255;
        }
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, preview.width, preview.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 preview.rgba.empty() ? rgba.data() : preview.rgba.data());
    uploaded_ = preview.sequence;
    source_ = &preview;
    preview.texture = reinterpret_cast<void*>(static_cast<std::uintptr_t>(texture_));
    return true;
}

} // namespace kiosk::app
