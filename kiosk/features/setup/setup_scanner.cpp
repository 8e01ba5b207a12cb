// The set-up Scanner screen of SetupFeature: the cameras this machine has (/dev/video*, named from sysfs),
// the camera, resolution and mirror settings (saved and applied like any change), the camera's state and
// counts as health reports them, and "scan now": the next burst from a USB (keyboard-wedge) scanner within
// 15 s is shown. The device listing runs on the worker.
#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/features/setup/setup_feature.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace kiosk::features {
namespace {

namespace cmd = setup_ui;
constexpr std::int64_t kScanWaitMs = 15000;

std::vector<ui::SetupModel::CameraLine> list_cameras() {
    std::vector<ui::SetupModel::CameraLine> cameras;
    std::error_code ec;
    // KIOSK_DEV_DIR replaces /dev for headless tests, whose screenshots must not depend on the machine's
    // cameras.
    const char* dev = std::getenv("KIOSK_DEV_DIR");
    for (auto it = std::filesystem::directory_iterator(dev && *dev ? dev : "/dev", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        auto name = it->path().filename().string();
        if (name.rfind("video", 0) != 0) continue;
        std::string label;
        std::ifstream sys("/sys/class/video4linux/" + name + "/name");
        std::getline(sys, label);
        cameras.push_back({it->path().string(), label});
    }
    std::sort(cameras.begin(), cameras.end(),
              [](const auto& a, const auto& b) { return a.device < b.device; });
    return cameras;
}

} // namespace

void SetupFeature::refresh_scanner() {
    model_.scanner_source = config_->scanner.source;
    model_.camera_device = config_->scanner.camera_device;
    model_.camera_width = config_->scanner.camera_width;
    model_.camera_height = config_->scanner.camera_height;
    model_.mirror = config_->scanner.mirror;
    auto s = shell_.health();
    model_.camera_state = s.scanner.camera_state;
    model_.scans = s.scanner.scans;
    model_.rejected = s.scanner.rejected;
    worker_.submit([this]() -> tasks::CompletionQueue::Completion {
        auto cameras = list_cameras();
        return [this, cameras] { model_.cameras = cameras; };
    });
}

void SetupFeature::scanner_command(const ui::FeatureCommand& command) {
    if (const auto* use = command.as<cmd::UseCamera>())
        return save_edits({"scanner.source=camera", "scanner.camera_device=" + use->device},
                          [this] { refresh_scanner(); });
    if (const auto* r = command.as<cmd::SetResolution>())
        return save_edits({"scanner.camera_width=" + std::to_string(r->width),
                           "scanner.camera_height=" + std::to_string(r->height)},
                          [this] { refresh_scanner(); });
    if (const auto* m = command.as<cmd::SetMirror>())
        return save_edits({std::string("scanner.mirror=") + (m->mirror ? "true" : "false")},
                          [this] { refresh_scanner(); });
    if (command.as<cmd::ScanNow>()) {
        model_.scan_waiting = true;
        model_.scan_timed_out = false;
        model_.scan_result.clear();
        scan_until_ms_ = clock_.monotonic_ms() + kScanWaitMs;
        wedge_ = scanner::HidWedgeScanner(scanner::HidWedgeOptions{});
    }
}

// While "scan now" waits, typing on the Scanner screen goes to the wedge detector: a burst is the scanner.
bool SetupFeature::scanner_key(const ui::KeyPress& key) {
    if (!model_.scan_waiting || shell_.screen() != cmd::kScannerScreen) return false;
    std::vector<scanner::WedgeEvent> events;
    auto at = static_cast<std::int64_t>(key.timestamp_ms);
    if (key.kind == ui::KeyPress::Kind::enter) {
        events = wedge_.feed({U'\r', at});
    } else if (key.kind == ui::KeyPress::Kind::text) {
        for (unsigned char c : key.text) {
            auto some = wedge_.feed({c == '\n' ? U'\r' : static_cast<char32_t>(c), at});
            events.insert(events.end(), some.begin(), some.end());
        }
    } else {
        return false;
    }
    take_scan(events);
    return true;
}

void SetupFeature::take_scan(const std::vector<scanner::WedgeEvent>& events) {
    for (const auto& e : events)
        if (e.kind == scanner::WedgeEvent::Kind::scan) {
            model_.scan_waiting = false;
            model_.scan_result = e.text;
            audit("scan_test", "ok"); // the code itself is not logged
            return;
        }
}

Clock::time_point SetupFeature::scanner_tick(Clock::time_point now) {
    if (!model_.scan_waiting) return Clock::time_point::max();
    take_scan(wedge_.tick(clock_.monotonic_ms()));
    if (model_.scan_waiting && clock_.monotonic_ms() >= scan_until_ms_) {
        model_.scan_waiting = false;
        model_.scan_timed_out = true;
    }
    return model_.scan_waiting ? now + std::chrono::milliseconds(50) : Clock::time_point::max();
}

} // namespace kiosk::features
