// Frame sources: image files (good, missing, corrupt, directories), the memory double, the V4L2 camera's
// error paths (there is no camera on the build machines), the factory and mirroring.
#include "drivers/scanner/frame_source.hpp"
#include "drivers/scanner/image_file_source.hpp"
#include "drivers/scanner/memory_frame_source.hpp"
#include "drivers/scanner/v4l2_frame_source.hpp"

#include <gtest/gtest.h>
#include <stb/stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace kiosk::scanner;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("kiosk_scanner_test_" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

void write_png(const fs::path& p, int w, int h, int comp, std::uint8_t value) {
    std::vector<std::uint8_t> px(static_cast<size_t>(w) * h * comp, value);
    px[0] = 255; // mark the top-left pixel to check orientation
    ASSERT_TRUE(stbi_write_png(p.c_str(), w, h, comp, px.data(), w * comp));
}

} // namespace

TEST(ImageFile, LoadsGrayAndColourPng) {
    TempDir dir;
    write_png(dir.path() / "g.png", 8, 4, 1, 30);
    write_png(dir.path() / "c.png", 8, 4, 3, 30);
    auto g = load_image_file(dir.path() / "g.png");
    ASSERT_TRUE(g.ok()) << g.error().message;
    EXPECT_EQ(g->format, PixelFormat::gray8);
    EXPECT_EQ(g->width, 8);
    EXPECT_EQ(g->height, 4);
    EXPECT_EQ(g->bytes[0], 255);
    EXPECT_EQ(g->bytes[1], 30);
    auto c = load_image_file(dir.path() / "c.png");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->format, PixelFormat::rgb24);
    EXPECT_EQ(c->stride, 24);
    EXPECT_TRUE(c->validate().ok());
}

TEST(ImageFile, MissingFileNamesThePath) {
    auto r = load_image_file("/nonexistent/receipt.png");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "not_found");
    EXPECT_NE(r.error().message.find("/nonexistent/receipt.png"), std::string::npos);
}

TEST(ImageFile, CorruptPngIsAnInvalidImage) {
    TempDir dir;
    const fs::path bad = dir.path() / "bad.png";
    {
        std::ofstream out(bad, std::ios::binary);
        out << "\x89PNG\r\n\x1a\n this is not really a png";
    }
    auto r = load_image_file(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "invalid_image");
    EXPECT_NE(r.error().message.find("bad.png"), std::string::npos);

    // A real PNG cut in half.
    write_png(dir.path() / "whole.png", 64, 64, 1, 100);
    std::ifstream in(dir.path() / "whole.png", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    {
        std::ofstream out(dir.path() / "half.png", std::ios::binary);
        out << bytes.substr(0, bytes.size() / 2);
    }
    auto half = load_image_file(dir.path() / "half.png");
    ASSERT_FALSE(half.ok());
    EXPECT_EQ(half.error().kind, "invalid_image");

    std::ofstream(dir.path() / "empty.jpg").close();
    EXPECT_EQ(load_image_file(dir.path() / "empty.jpg").error().kind, "invalid_image");
}

TEST(ImageFileSource, DirectoryInNameOrderThenEndOrLoop) {
    TempDir dir;
    write_png(dir.path() / "b.png", 4, 4, 1, 2);
    write_png(dir.path() / "a.png", 4, 4, 1, 1);
    std::ofstream(dir.path() / "notes.txt") << "ignored";
    ImageFileSource once(dir.path(), false);
    ASSERT_TRUE(once.start().ok());
    ASSERT_EQ(once.files().size(), 2u);
    auto f1 = once.next(0ms);
    auto f2 = once.next(0ms);
    ASSERT_TRUE(f1.ok() && f2.ok() && f1->has_value() && f2->has_value());
    EXPECT_EQ((*f1)->bytes[1], 1);
    EXPECT_EQ((*f2)->bytes[1], 2);
    EXPECT_EQ((*f2)->sequence, (*f1)->sequence + 1);
    auto end = once.next(0ms);
    ASSERT_FALSE(end.ok());
    EXPECT_EQ(end.error().kind, "end_of_stream");

    ImageFileSource looping(dir.path(), true);
    ASSERT_TRUE(looping.start().ok());
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(looping.next(0ms).ok());
}

TEST(ImageFileSource, StartErrors) {
    TempDir dir;
    ImageFileSource empty(dir.path(), true);
    auto st = empty.start();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, "no_images");
    ImageFileSource missing(dir.path() / "nope", true);
    EXPECT_EQ(missing.start().error().kind, "not_found");
    ImageFileSource not_started(dir.path(), true);
    EXPECT_FALSE(not_started.next(0ms).ok());
}

TEST(V4l2Source, MissingDeviceIsCameraMissing) {
    V4l2FrameSource cam(V4l2Options{"/dev/video97", 1280, 720, 15, false, 4});
    auto st = cam.start();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, "camera_missing");
    EXPECT_NE(st.error().message.find("/dev/video97"), std::string::npos);
    EXPECT_EQ(scanner_error_key(st.error().kind), "scanner.error.camera_missing");
    auto n = cam.next(10ms);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().kind, "not_started");
}

TEST(V4l2Source, NonVideoDeviceIsUnsupported) {
    V4l2FrameSource cam(V4l2Options{"/dev/null", 640, 480, 15, false, 4});
    auto st = cam.start();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, "camera_unsupported");
    cam.stop(); // safe after a failed start
}

TEST(MemorySource, DeliversInOrderTimesOutAndFails) {
    Frame f;
    f.width = 2, f.height = 1, f.stride = 2, f.bytes = {1, 2};
    MemoryFrameSource src;
    EXPECT_FALSE(src.next(0ms).ok()); // not started
    ASSERT_TRUE(src.start().ok());
    auto none = src.next(5ms);
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    src.push(f);
    f.bytes = {3, 4};
    src.push(f);
    auto a = src.next(0ms), b = src.next(0ms);
    ASSERT_TRUE(a.ok() && b.ok() && a->has_value() && b->has_value());
    EXPECT_EQ((*a)->bytes[0], 1);
    EXPECT_EQ((*b)->bytes[0], 3);
    src.fail_next_with(kiosk::make_error("camera_missing", "unplugged"));
    EXPECT_EQ(src.next(0ms).error().kind, "camera_missing");
    EXPECT_TRUE(src.next(0ms).ok()); // the failure was one-shot
    src.set_finite(true);
    EXPECT_EQ(src.next(0ms).error().kind, "end_of_stream");
}

TEST(FrameSourceFactory, BuildsByKindAndRejectsUnknown) {
    CameraOptions o;
    o.kind = "memory";
    auto m = make_frame_source(o);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.value()->describe(), "memory");
    o.kind = "v4l2";
    o.device = "/dev/video96";
    auto v = make_frame_source(o);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v.value()->start().error().kind, "camera_missing");
    o.kind = "webcam";
    auto bad = make_frame_source(o);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("webcam"), std::string::npos);
    EXPECT_EQ(scanner_error_key("weird"), "scanner.error.generic");
}

TEST(Frame, MirrorFlipsEveryFormat) {
    Frame g;
    g.width = 3, g.height = 1, g.stride = 3, g.bytes = {1, 2, 3};
    mirror_frame(g);
    EXPECT_EQ(g.bytes, (std::vector<std::uint8_t>{3, 2, 1}));
    Frame rgb;
    rgb.width = 2, rgb.height = 1, rgb.stride = 6, rgb.format = PixelFormat::rgb24,
    rgb.bytes = {1, 2, 3, 4, 5, 6};
    mirror_frame(rgb);
    EXPECT_EQ(rgb.bytes, (std::vector<std::uint8_t>{4, 5, 6, 1, 2, 3}));
    GrayImage img{4, 1, {10, 20, 30, 40}};
    Frame y = make_yuyv_frame(img);
    mirror_frame(y);
    EXPECT_EQ(extract_luma(y).pixels, (std::vector<std::uint8_t>{40, 30, 20, 10}));
}
