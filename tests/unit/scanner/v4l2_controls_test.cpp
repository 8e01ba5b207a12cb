// Camera controls: the error paths that can be exercised without a camera (this machine has none; the
// listing and the autofocus/exposure requests against a real UVC camera are not covered by a test).
#include "drivers/scanner/v4l2_controls.hpp"

#include <gtest/gtest.h>

using namespace kiosk::scanner;

TEST(V4l2Controls, AMissingDeviceIsNamedAsMissing) {
    auto r = list_camera_controls(std::string("/dev/video-does-not-exist-14"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "camera_missing");
    EXPECT_NE(r.error().message.find("/dev/video-does-not-exist-14"), std::string::npos);
}

TEST(V4l2Controls, AFileThatIsNotACameraIsUnsupported) {
    auto r = list_camera_controls(std::string("/dev/null"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "camera_unsupported");
}

TEST(V4l2Controls, NoAutoControlsOnSomethingThatIsNotACamera) {
    AutoControlsReport none;
    EXPECT_EQ(none.describe(), "autofocus absent, exposure absent");
    AutoControlsReport some;
    some.autofocus_available = some.autofocus_on = true;
    some.auto_exposure_available = true;
    EXPECT_EQ(some.describe(), "autofocus continuous, exposure refused");
}
