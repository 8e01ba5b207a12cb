#include "drivers/scanner/v4l2_frame_source.hpp"

#include "drivers/scanner/v4l2_controls.hpp"

#include <stb/stb_image.h>

#include <linux/videodev2.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace kiosk::scanner {

namespace {

int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do {
        r = ioctl(fd, request, arg);
    } while (r == -1 && errno == EINTR);
    return r;
}

std::string fourcc_name(std::uint32_t f) {
    std::string s;
    for (int i = 0; i < 4; ++i)
        s += static_cast<char>((f >> (8 * i)) & 0xFF);
    return s;
}

// Maps an errno from open/ioctl onto a stable kind the UI can explain to staff.
Error errno_error(int err, const std::string& device, const std::string& what) {
    const std::string msg = "camera " + device + ": " + what + ": " + std::strerror(err);
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        return make_error("camera_missing", msg);
    case EBUSY:
        return make_error("camera_busy", msg);
    case EACCES:
    case EPERM:
        return make_error("camera_permission", msg);
    case ENOTTY:
    case EINVAL:
        return make_error("camera_unsupported", msg);
    default:
        return make_error("camera_error", msg);
    }
}

} // namespace

struct V4l2FrameSource::Impl {
    V4l2Options options;
    std::optional<AutoControlsReport> auto_controls;
    int fd = -1;
    struct Buffer {
        void* start = nullptr;
        size_t length = 0;
    };
    std::vector<Buffer> buffers;
    std::uint32_t pixelformat = 0;
    int width = 0, height = 0, stride = 0;
    bool streaming = false;
    std::uint64_t sequence = 0;

    void close_all() {
        if (fd >= 0 && streaming) {
            v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            xioctl(fd, VIDIOC_STREAMOFF, &type);
        }
        streaming = false;
        for (auto& b : buffers)
            if (b.start && b.start != MAP_FAILED) munmap(b.start, b.length);
        buffers.clear();
        if (fd >= 0) close(fd);
        fd = -1;
    }

    Status open_and_configure() {
        const std::string& dev = options.device;
        fd = ::open(dev.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return errno_error(errno, dev, "cannot open");
        v4l2_capability cap{};
        if (xioctl(fd, VIDIOC_QUERYCAP, &cap) < 0)
            return make_error("camera_unsupported",
                              "camera " + dev + " is not a V4L2 device: " + std::strerror(errno));
        const std::uint32_t caps =
            (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
        if (!(caps & V4L2_CAP_VIDEO_CAPTURE))
            return make_error("camera_unsupported", "camera " + dev + " (" +
                                                        reinterpret_cast<const char*>(cap.card) +
                                                        ") cannot capture video (metadata node?)");
        if (!(caps & V4L2_CAP_STREAMING))
            return make_error("camera_unsupported", "camera " + dev + " does not support streaming I/O");

        // Pick a pixel format: YUYV first (luma for free), then GREY, then MJPEG.
        bool has_yuyv = false, has_grey = false, has_mjpeg = false;
        std::string offered;
        for (std::uint32_t i = 0; i < 64; ++i) {
            v4l2_fmtdesc d{};
            d.index = i;
            d.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            if (xioctl(fd, VIDIOC_ENUM_FMT, &d) < 0) break;
            if (!offered.empty()) offered += ',';
            offered += fourcc_name(d.pixelformat);
            has_yuyv |= d.pixelformat == V4L2_PIX_FMT_YUYV;
            has_grey |= d.pixelformat == V4L2_PIX_FMT_GREY;
            has_mjpeg |= d.pixelformat == V4L2_PIX_FMT_MJPEG;
        }
        const std::uint32_t want = has_yuyv    ? V4L2_PIX_FMT_YUYV
                                   : has_grey  ? V4L2_PIX_FMT_GREY
                                   : has_mjpeg ? V4L2_PIX_FMT_MJPEG
                                               : 0;
        if (!want)
            return make_error("camera_unsupported", "camera " + dev +
                                                        " offers no YUYV, GREY or MJPEG format (offers: " +
                                                        (offered.empty() ? "none" : offered) + ")");
        v4l2_format fmt{};
        fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        fmt.fmt.pix.width = static_cast<std::uint32_t>(options.width);
        fmt.fmt.pix.height = static_cast<std::uint32_t>(options.height);
        fmt.fmt.pix.pixelformat = want;
        fmt.fmt.pix.field = V4L2_FIELD_ANY;
        if (xioctl(fd, VIDIOC_S_FMT, &fmt) < 0)
            return errno_error(errno, dev, "set format " + fourcc_name(want));
        pixelformat = fmt.fmt.pix.pixelformat;
        width = static_cast<int>(fmt.fmt.pix.width);
        height = static_cast<int>(fmt.fmt.pix.height);
        stride = static_cast<int>(fmt.fmt.pix.bytesperline);
        if (pixelformat != want)
            return make_error("camera_unsupported", "camera " + dev + " refused format " + fourcc_name(want) +
                                                        " (gave " + fourcc_name(pixelformat) + ")");
        if (options.fps > 0) { // best effort: many UVC cameras accept it, some ignore it
            v4l2_streamparm parm{};
            parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            parm.parm.capture.timeperframe.numerator = 1;
            parm.parm.capture.timeperframe.denominator = static_cast<std::uint32_t>(options.fps);
            xioctl(fd, VIDIOC_S_PARM, &parm);
        }

        if (options.auto_focus_exposure) auto_controls = enable_auto_focus_exposure(fd);

        v4l2_requestbuffers req{};
        req.count = static_cast<std::uint32_t>(std::max(2, options.buffers));
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        if (xioctl(fd, VIDIOC_REQBUFS, &req) < 0) return errno_error(errno, dev, "request buffers");
        if (req.count < 2)
            return make_error("camera_error", "camera " + dev + ": driver gave fewer than 2 buffers");
        for (std::uint32_t i = 0; i < req.count; ++i) {
            v4l2_buffer b{};
            b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            b.memory = V4L2_MEMORY_MMAP;
            b.index = i;
            if (xioctl(fd, VIDIOC_QUERYBUF, &b) < 0) return errno_error(errno, dev, "query buffer");
            void* p = mmap(nullptr, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, b.m.offset);
            if (p == MAP_FAILED) return errno_error(errno, dev, "mmap buffer");
            buffers.push_back({p, b.length});
            if (xioctl(fd, VIDIOC_QBUF, &b) < 0) return errno_error(errno, dev, "queue buffer");
        }
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (xioctl(fd, VIDIOC_STREAMON, &type) < 0) return errno_error(errno, dev, "start streaming");
        streaming = true;
        return Ok{};
    }

    Result<Frame> convert(const Buffer& buf, size_t used) const {
        Frame f;
        f.width = width;
        f.height = height;
        const auto* src = static_cast<const std::uint8_t*>(buf.start);
        if (pixelformat == V4L2_PIX_FMT_MJPEG) {
            int w = 0, h = 0, n = 0;
            unsigned char* px = stbi_load_from_memory(src, static_cast<int>(used), &w, &h, &n, 1);
            if (!px)
                return make_error("camera_error",
                                  "camera " + options.device + ": bad MJPEG frame: " + stbi_failure_reason());
            f.width = w;
            f.height = h;
            f.stride = w;
            f.format = PixelFormat::gray8;
            f.bytes.assign(px, px + static_cast<size_t>(w) * h);
            stbi_image_free(px);
            return f;
        }
        f.format = pixelformat == V4L2_PIX_FMT_YUYV ? PixelFormat::yuyv : PixelFormat::gray8;
        f.stride = stride > 0 ? stride : width * bytes_per_pixel(f.format);
        const size_t need = static_cast<size_t>(f.stride) * height;
        if (used < need || buf.length < need)
            return make_error("camera_error", "camera " + options.device + ": short frame (" +
                                                  std::to_string(used) + " of " + std::to_string(need) +
                                                  " bytes)");
        f.bytes.assign(src, src + need);
        return f;
    }
};

V4l2FrameSource::V4l2FrameSource(V4l2Options options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}

V4l2FrameSource::~V4l2FrameSource() {
    impl_->close_all();
}

Status V4l2FrameSource::start() {
    impl_->close_all();
    auto st = impl_->open_and_configure();
    if (!st) impl_->close_all();
    return st;
}

void V4l2FrameSource::stop() {
    impl_->close_all();
}

Result<std::optional<Frame>> V4l2FrameSource::next(std::chrono::milliseconds timeout) {
    Impl& m = *impl_;
    if (m.fd < 0 || !m.streaming)
        return make_error("not_started",
                          "camera " + m.options.device + ": next() before a successful start()");
    pollfd pfd{m.fd, POLLIN, 0};
    const int r = poll(&pfd, 1, static_cast<int>(std::max<std::int64_t>(0, timeout.count())));
    if (r < 0) {
        if (errno == EINTR) return std::optional<Frame>{};
        return errno_error(errno, m.options.device, "poll");
    }
    if (r == 0) return std::optional<Frame>{};
    if (pfd.revents & (POLLERR | POLLHUP))
        return make_error("camera_missing",
                          "camera " + m.options.device + " stopped delivering (unplugged?)");
    v4l2_buffer b{};
    b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    b.memory = V4L2_MEMORY_MMAP;
    if (xioctl(m.fd, VIDIOC_DQBUF, &b) < 0) {
        if (errno == EAGAIN) return std::optional<Frame>{};
        return errno_error(errno, m.options.device, "dequeue buffer");
    }
    auto frame = b.index < m.buffers.size()
                     ? m.convert(m.buffers[b.index], b.bytesused)
                     : Result<Frame>(make_error("camera_error", "camera returned bad index"));
    // Give the buffer back before anything else so the driver never starves.
    if (xioctl(m.fd, VIDIOC_QBUF, &b) < 0) return errno_error(errno, m.options.device, "requeue buffer");
    if (!frame) return frame.error();
    if (m.options.mirror) mirror_frame(*frame);
    frame->timestamp = std::chrono::steady_clock::now();
    frame->sequence = ++m.sequence;
    return std::optional<Frame>(std::move(frame.value()));
}

std::string V4l2FrameSource::describe() const {
    const Impl& m = *impl_;
    std::string s = "v4l2:" + m.options.device;
    if (m.streaming)
        s.append(" ")
            .append(fourcc_name(m.pixelformat))
            .append(" ")
            .append(std::to_string(m.width))
            .append("x")
            .append(std::to_string(m.height));
    if (m.auto_controls) s.append(" (").append(m.auto_controls->describe()).append(")");
    return s;
}

} // namespace kiosk::scanner
