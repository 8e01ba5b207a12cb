#pragma once
// A camera frame downscaled for an on-screen preview (8-bit luma). A feature fills it on the UI thread; the
// app uploads it to a GL texture when `sequence` changes and stores the texture id; draw code shows it.

#include <cstddef>
#include <vector>

namespace kiosk::ui {

struct PreviewImage {
    int width = 0, height = 0;
    std::vector<unsigned char> luma;
    unsigned long long sequence = 0; // changes when a new frame arrived (the app re-uploads the texture)
    void* texture = nullptr;         // the GL texture the app uploaded it to (ImTextureID); null = none yet
    bool mirror = false;             // show it mirrored, like a mirror (scanner.mirror)
};

} // namespace kiosk::ui
