#pragma once
// An image a feature shows: a camera frame downscaled for a preview (8-bit luma) or a picture in colour
// (RGBA, e.g. a report chart). A feature fills it on the UI thread; the
// app uploads it to a GL texture when `sequence` changes and stores the texture id; draw code shows it.

#include <cstddef>
#include <vector>

namespace kiosk::ui {

struct PreviewImage {
    int width = 0, height = 0;
    std::vector<unsigned char> luma; // 8-bit grey (camera frames), width × height
    std::vector<unsigned char> rgba; // or colour (a chart), width × height × 4; used when not empty
    unsigned long long sequence = 0; // changes when a new frame arrived (the app re-uploads the texture)
    void* texture = nullptr;         // the GL texture the app uploaded it to (ImTextureID); null = none yet
    bool mirror = false;             // show it mirrored, like a mirror (scanner.mirror)
};

} // namespace kiosk::ui
