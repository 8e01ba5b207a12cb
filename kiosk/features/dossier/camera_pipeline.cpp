#include "kiosk/features/dossier/camera_pipeline.hpp"

#include "drivers/scanner/decode_worker.hpp"
#include "drivers/scanner/frame.hpp"

#include <algorithm>

namespace kiosk::features {
namespace {

// A small luma copy of the frame (at most 480 px wide) for the scan screen's preview.
ui::PreviewImage downscale(const scanner::Frame& frame) {
    scanner::GrayImage luma = scanner::extract_luma(frame);
    int step = std::max(1, (luma.width + 479) / 480);
    ui::PreviewImage preview;
    preview.width = luma.width / step;
    preview.height = luma.height / step;
    preview.luma.resize(static_cast<size_t>(preview.width) * preview.height);
    for (int y = 0; y < preview.height; ++y)
        for (int x = 0; x < preview.width; ++x)
            preview.luma[static_cast<size_t>(y) * preview.width + x] = luma.at(x * step, y * step);
    return preview;
}

} // namespace

CameraPipeline::CameraPipeline(std::unique_ptr<scanner::FrameSource> source,
                               std::unique_ptr<scanner::CodeDecoder> decoder, Callbacks callbacks)
    : source_(std::move(source)), callbacks_(std::move(callbacks)) {
    auto on_read = callbacks_.on_read;
    decoder_ = std::make_unique<scanner::DecodeWorker>(
        std::move(decoder), [on_read](const scanner::ScanRead& read) { on_read(read.code.text); },
        scanner::DecodeWorkerOptions{}, callbacks_.on_seen);
}

CameraPipeline::~CameraPipeline() {
    stop();
}

Status CameraPipeline::start() {
    if (auto started = source_->start(); !started) return started.error();
    running_ = true;
    capture_ = std::thread([this] { capture_loop(); });
    return Ok{};
}

void CameraPipeline::capture_loop() {
    // At most ~10 frames a second: enough for a held-up receipt, cheap for a kiosk that is idle all day.
    while (running_) {
        auto frame = source_->next(std::chrono::milliseconds(100));
        if (!frame) {
            callbacks_.on_stopped(frame.error().kind);
            return;
        }
        if (*frame) {
            if (preview_wanted_) callbacks_.on_preview(downscale(**frame));
            decoder_->submit(std::move(**frame));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void CameraPipeline::stop() {
    running_ = false;
    if (capture_.joinable()) capture_.join();
    if (decoder_) decoder_->stop();
    if (source_) source_->stop();
}

void CameraPipeline::reset_repeat_filter() {
    decoder_->reset_repeat_filter();
}

bool CameraPipeline::decoding() const {
    return !decoder_->idle();
}

} // namespace kiosk::features
