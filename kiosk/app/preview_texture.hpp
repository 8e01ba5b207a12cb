#pragma once
// Uploads a feature's image (the camera preview as 8-bit luma, or an RGBA picture such as the set-up Health
// screen's report chart) to an OpenGL texture when a new frame arrived or another image is handed in, and
// hands its id back to the model for the draw code. Runs on the UI thread between frames; owns the
// texture.

#include "kiosk/ui/widgets/preview_image.hpp"

namespace kiosk::app {

class PreviewTexture {
  public:
    PreviewTexture() = default;
    ~PreviewTexture();
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    // Returns true when it uploaded a new frame.
    bool update(ui::PreviewImage& preview);

  private:
    unsigned int texture_ = 0;
    unsigned long long uploaded_ = 0;
    const ui::PreviewImage* source_ = nullptr; // the image last uploaded (a feature may switch images)
};

} // namespace kiosk::app
