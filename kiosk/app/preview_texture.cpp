#include "kiosk/app/preview_texture.hpp"

#include <SDL_opengl.h>

#include <cstdint>
#include <vector>

namespace kiosk::app {

PreviewTexture::~PreviewTexture() {
    if (texture_) glDeleteTextures(1, &texture_);
}

bool PreviewTexture::update(ui::PreviewImage& preview) {
    if (preview.sequence == uploaded_ || preview.width <= 0 || preview.height <= 0) return false;
    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    // RGBA: the one format every GL 3 context and ImGui's shader agree on.
    std::vector<std::uint8_t> rgba(preview.luma.size() * 4);
    for (size_t i = 0; i < preview.luma.size(); ++i) {
        rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = preview.luma[i];
        rgba[i * 4 + 3] = 255;
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, preview.width, preview.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 rgba.data());
    uploaded_ = preview.sequence;
    preview.texture = reinterpret_cast<void*>(static_cast<std::uintptr_t>(texture_));
    return true;
}

} // namespace kiosk::app
