#pragma once
// The SDL2 window with its OpenGL 3 context and the ImGui renderer. Owns nothing of the UI's state; it opens,
// resizes, presents and reads back frames (for screenshots). ImGui's SDL platform backend is deliberately not
// used: Debian's 1.86 version ignores finger events and captures the mouse, so input_translator.hpp feeds
// ImGui.

#include <SDL.h>

#include <string>
#include <vector>

namespace kiosk::app {

struct WindowSpec {
    int width = 1080, height = 1920;
    bool fullscreen = false;
    bool fit_to_display = true; // windowed: shrink (keeping the aspect) to fit the desktop
    std::string title = "Mot Cua Kiosk";
};

class Window {
  public:
    Window() = default;
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Opens the window and GL context and initialises the ImGui renderer; empty string on success.
    [[nodiscard]] std::string open(const WindowSpec& spec);
    void resize(int width, int height);
    void present();
    // Reads the back buffer (call before present) and writes a PNG; empty string on success.
    [[nodiscard]] std::string write_png(const std::string& path) const;
    // The back buffer as PNG bytes (for /screenshot.png); empty when encoding fails.
    [[nodiscard]] std::string png_bytes() const;

    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] float dpi() const { return dpi_; }
    [[nodiscard]] SDL_Window* sdl() const { return window_; }

  private:
    [[nodiscard]] std::vector<unsigned char> read_rgba() const; // top-down rows, opaque
    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    int width_ = 0, height_ = 0;
    float dpi_ = 0;
    bool renderer_ready_ = false;
};

} // namespace kiosk::app
