#include "drivers/scanner/v4l2_controls.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace kiosk::scanner {
namespace {

int xioctl(int fd, unsigned long request, void* arg) {
    int r = 0;
    do {
        r = ioctl(fd, request, arg);
    } while (r < 0 && errno == EINTR);
    return r;
}

const char* type_name(std::uint32_t type) {
    switch (type) {
    case V4L2_CTRL_TYPE_INTEGER:
        return "integer";
    case V4L2_CTRL_TYPE_BOOLEAN:
        return "boolean";
    case V4L2_CTRL_TYPE_MENU:
        return "menu";
    case V4L2_CTRL_TYPE_INTEGER_MENU:
        return "integer menu";
    case V4L2_CTRL_TYPE_BUTTON:
        return "button";
    case V4L2_CTRL_TYPE_BITMASK:
        return "bitmask";
    default:
        return "other";
    }
}

// The control's description when the camera has it and it is not disabled.
bool query(int fd, std::uint32_t id, v4l2_queryctrl& q) {
    q = {};
    q.id = id;
    return xioctl(fd, VIDIOC_QUERYCTRL, &q) == 0 && !(q.flags & V4L2_CTRL_FLAG_DISABLED);
}

bool menu_has(int fd, const v4l2_queryctrl& q, int index) {
    v4l2_querymenu m{};
    m.id = q.id;
    m.index = static_cast<std::uint32_t>(index);
    return index >= q.minimum && index <= q.maximum && xioctl(fd, VIDIOC_QUERYMENU, &m) == 0;
}

bool set(int fd, std::uint32_t id, int value) {
    v4l2_control c{};
    c.id = id;
    c.value = value;
    return xioctl(fd, VIDIOC_S_CTRL, &c) == 0;
}

} // namespace

std::string AutoControlsReport::describe() const {
    std::string s = "autofocus ";
    s += !autofocus_available ? "absent" : (autofocus_on ? "continuous" : "refused");
    s += ", exposure ";
    s += !auto_exposure_available ? "absent" : (auto_exposure_on ? exposure_mode : "refused");
    return s;
}

Result<std::vector<CameraControl>> list_camera_controls(int fd) {
    std::vector<CameraControl> out;
    v4l2_queryctrl q{};
    q.id = V4L2_CTRL_FLAG_NEXT_CTRL;
    // Bounded: a driver that never ends the walk still stops after 1000 controls.
    for (int guard = 0; guard < 1000 && xioctl(fd, VIDIOC_QUERYCTRL, &q) == 0; ++guard) {
        if (!(q.flags & V4L2_CTRL_FLAG_DISABLED) && q.type != V4L2_CTRL_TYPE_CTRL_CLASS) {
            CameraControl c;
            c.id = q.id;
            c.name.assign(reinterpret_cast<const char*>(q.name),
                          strnlen(reinterpret_cast<const char*>(q.name), sizeof q.name));
            c.type = type_name(q.type);
            c.minimum = q.minimum;
            c.maximum = q.maximum;
            c.step = q.step;
            c.default_value = q.default_value;
            c.inactive = (q.flags & V4L2_CTRL_FLAG_INACTIVE) != 0;
            v4l2_control v{};
            v.id = q.id;
            if (q.type != V4L2_CTRL_TYPE_BUTTON && xioctl(fd, VIDIOC_G_CTRL, &v) == 0) c.value = v.value;
            if (q.type == V4L2_CTRL_TYPE_MENU)
                for (int i = q.minimum; i <= q.maximum && i - q.minimum < 64; ++i) {
                    v4l2_querymenu m{};
                    m.id = q.id;
                    m.index = static_cast<std::uint32_t>(i);
                    if (xioctl(fd, VIDIOC_QUERYMENU, &m) == 0)
                        c.menu.push_back(
                            std::to_string(i) + ": " +
                            std::string(reinterpret_cast<const char*>(m.name),
                                        strnlen(reinterpret_cast<const char*>(m.name), sizeof m.name)));
                }
            out.push_back(std::move(c));
        }
        q.id |= V4L2_CTRL_FLAG_NEXT_CTRL;
    }
    if (out.empty() && (errno == ENOTTY))
        return make_error("camera_unsupported",
                          "not a V4L2 device (no control queries): " + std::string(std::strerror(errno)));
    return out;
}

Result<std::vector<CameraControl>> list_camera_controls(const std::string& device) {
    const int fd = ::open(device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        const std::string msg = "camera " + device + ": open: " + std::strerror(err);
        if (err == ENOENT || err == ENODEV || err == ENXIO) return make_error("camera_missing", msg);
        if (err == EACCES || err == EPERM) return make_error("camera_permission", msg);
        return make_error("camera_error", msg);
    }
    v4l2_capability cap{};
    if (xioctl(fd, VIDIOC_QUERYCAP, &cap) < 0) {
        const int err = errno;
        ::close(fd);
        return make_error("camera_unsupported",
                          "camera " + device + ": not a V4L2 device (" + std::strerror(err) + ")");
    }
    auto controls = list_camera_controls(fd);
    ::close(fd);
    return controls;
}

AutoControlsReport enable_auto_focus_exposure(int fd) {
    AutoControlsReport r;
    v4l2_queryctrl q{};
    if (query(fd, V4L2_CID_FOCUS_AUTO, q)) {
        r.autofocus_available = true;
        r.autofocus_on = set(fd, V4L2_CID_FOCUS_AUTO, 1);
    }
    if (query(fd, V4L2_CID_EXPOSURE_AUTO, q)) {
        r.auto_exposure_available = true;
        // Aperture priority: automatic exposure time, the usual choice on UVC webcams (frame rate kept).
        if (menu_has(fd, q, V4L2_EXPOSURE_APERTURE_PRIORITY) &&
            set(fd, V4L2_CID_EXPOSURE_AUTO, V4L2_EXPOSURE_APERTURE_PRIORITY)) {
            r.auto_exposure_on = true;
            r.exposure_mode = "aperture priority";
        } else if (menu_has(fd, q, V4L2_EXPOSURE_AUTO) &&
                   set(fd, V4L2_CID_EXPOSURE_AUTO, V4L2_EXPOSURE_AUTO)) {
            r.auto_exposure_on = true;
            r.exposure_mode = "auto";
        }
    }
    return r;
}

} // namespace kiosk::scanner
