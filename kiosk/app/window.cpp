#include "kiosk/app/window.hpp"

#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <vector>

namespace kiosk::app {

Window::~Window() {
    if (renderer_ready_) ImGui_ImplOpenGL3_Shutdown();
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
}

std::string Window::open(const WindowSpec& spec) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    int width = spec.width, height = spec.height;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (spec.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    } else if (spec.fit_to_display) {
        SDL_Rect usable;
        if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0) {
            float fit = std::min({1.0f, usable.w * 0.95f / width, usable.h * 0.95f / height});
            width = static_cast<int>(width * fit);
            height = static_cast<int>(height * fit);
        }
    }
    window_ = SDL_CreateWindow(spec.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                               height, flags);
    if (!window_) return std::string("cannot open a window: ") + SDL_GetError();
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) return std::string("cannot create an OpenGL 3 context: ") + SDL_GetError();
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    SDL_GL_GetDrawableSize(window_, &width_, &height_);
    float ddpi = 0, hdpi = 0, vdpi = 0;
    if (SDL_GetDisplayDPI(0, &ddpi, &hdpi, &vdpi) == 0) dpi_ = hdpi;
    if (!ImGui_ImplOpenGL3_Init("#version 130")) return "cannot initialise the ImGui OpenGL 3 renderer";
    renderer_ready_ = true;
    return {};
}

void Window::resize(int width, int height) {
    SDL_SetWindowSize(window_, width, height);
    SDL_GL_GetDrawableSize(window_, &width_, &height_);
}

void Window::present() {
    // Swapping an offscreen (pbuffer) surface does nothing, not even the implicit flush a window swap does:
    // without this, a software GL driver keeps every frame's draw data queued, and memory climbs for as long
    // as frames are drawn (hundreds of MB in a headless soak). On a real display it is the flush the swap
    // does anyway.
    glFlush();
    SDL_GL_SwapWindow(window_);
}

std::vector<unsigned char> Window::read_rgba() const {
    std::vector<unsigned char> pixels(static_cast<size_t>(width_) * height_ * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL rows go bottom-up; PNG rows top-down.
    std::vector<unsigned char> flipped(pixels.size());
    size_t row = static_cast<size_t>(width_) * 4;
    for (int y = 0; y < height_; ++y)
        std::copy_n(&pixels[static_cast<size_t>(height_ - 1 - y) * row], row,
                    &flipped[static_cast<size_t>(y) * row]);
    for (size_t i = 3; i < flipped.size(); i += 4)
        flipped[i] = 255;
    return flipped;
}

std::string Window::write_png(const std::string& path) const {
    const auto rgba = read_rgba();
    if (!stbi_write_png(path.c_str(), width_, height_, 4, rgba.data(), width_ * 4))
        return "cannot write " + path;
    return {};
}

std::string Window::png_bytes() const {
    const auto rgba = read_rgba();
    std::string out;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &out, width_, height_, 4, rgba.data(), width_ * 4)) return {};
    return out;
}

} // namespace kiosk::app
