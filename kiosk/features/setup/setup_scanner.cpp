// The set-up Scanner screen of SetupFeature: the cameras this machine has (/dev/video*, named from sysfs),
// the camera, resolution and mirror settings (saved and applied like any change), the camera's state and
// counts as health reports them, and "scan now": the next burst from a USB (keyboard-wedge) scanner within
// 15 s is shown. The device listing runs on the worker.
// While the screen is open, set-up borrows the camera from the dossier feature (camera_lease.hpp) and runs
// its own pipeline (PartsFactory::open_camera, the configured source) on the worker: the live image and the
// last decoded text are shown; decoded text here never opens a dossier.
#include "kiosk/features/camera_lease.hpp"
#include "kiosk/features/dossier/camera_pipeline.hpp"
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

void SetupFeature::leave(std::string_view screen) {
    if (screen == cmd::kScannerScreen) stop_preview();
    if (screen == cmd::kHealthScreen) health_open_ = false;
}

void SetupFeature::start_preview() {
    if (camera_wanted_) return;
    model_.camera_error.clear();
    model_.camera_read.clear();
    model_.camera_reads = 0;
    model_.preview.width = model_.preview.height = 0;
    if (config_->scanner.source == "none") return; // nothing to borrow
    camera_wanted_ = true;
    ++camera_generation_;
    model_.camera_opening = true;
    shell_.request(ui::FeatureCommand::of(camera_lease::Lend{true}));
}

// The owner closed its camera: open ours on the worker. A Released that comes after the screen was left is
// ignored (stop_preview already gave the camera back).
void SetupFeature::open_preview_camera() {
    if (!camera_wanted_) return;
    auto parts = parts_;
    auto held = held_camera_;
    auto generation = camera_generation_;
    bool mirror = config_->scanner.mirror;
    worker_.submit([this, parts, held, generation, mirror]() -> tasks::CompletionQueue::Completion {
        auto source = parts->open_camera();
        auto decoder = parts->make_decoder();
        if (!source || !decoder) {
            std::string kind = !source ? source.error().kind : decoder.error().kind;
            return [this, kind, generation] {
                if (generation != camera_generation_) return;
                model_.camera_opening = false;
                model_.camera_error = kind;
            };
        }
        CameraPipeline::Callbacks callbacks;
        callbacks.on_read = [this, generation](std::string text) {
            completions_.post([this, generation, text] {
                if (generation != camera_generation_) return;
                model_.camera_read = text;
                ++model_.camera_reads;
            });
        };
        callbacks.on_preview = [this, generation, mirror](ui::PreviewImage image) {
            completions_.post([this, generation, mirror, image = std::move(image)]() mutable {
                if (generation != camera_generation_) return;
                image.sequence = model_.preview.sequence + 1;
                image.texture = model_.preview.texture;
                image.mirror = mirror;
                model_.preview = std::move(image);
                model_.camera_opening = false;
            });
        };
        callbacks.on_stopped = [this, generation](std::string kind) {
            completions_.post([this, generation, kind] {
                if (generation == camera_generation_ && kind != "end_of_stream") model_.camera_error = kind;
            });
        };
        auto pipeline = std::make_shared<CameraPipeline>(std::move(source).value(),
                                                         std::move(decoder).value(), callbacks);
        pipeline->set_preview_wanted(true);
        if (auto started = pipeline->start(); !started) {
            auto kind = started.error().kind;
            return [this, kind, generation] {
                if (generation != camera_generation_) return;
                model_.camera_opening = false;
                model_.camera_error = kind;
            };
        }
        std::lock_guard lock(held->mutex);
        held->pipeline = std::move(pipeline);
        return {};
    });
}

// Stops our pipeline on the worker (after any opening still queued there), then gives the camera back.
void SetupFeature::stop_preview() {
    if (!camera_wanted_) return;
    camera_wanted_ = false;
    ++camera_generation_;
    model_.camera_opening = false;
    auto held = held_camera_;
    worker_.submit([this, held]() -> tasks::CompletionQueue::Completion {
        std::shared_ptr<CameraPipeline> running;
        {
            std::lock_guard lock(held->mutex);
            running = std::move(held->pipeline);
        }
        if (running) running->stop();
        // Back on the Scanner screen meanwhile: the lease goes on (its Lend{true} is answered at once).
        return [this] {
            if (!camera_wanted_) shell_.request(ui::FeatureCommand::of(camera_lease::Lend{false}));
        };
    });
}

} // namespace kiosk::features
