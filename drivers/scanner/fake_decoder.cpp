#include "drivers/scanner/fake_decoder.hpp"

#include <thread>

namespace kiosk::scanner {

FakeDecoder::FakeDecoder(std::function<std::string(const Frame&)> answer, std::chrono::milliseconds delay)
    : answer_(std::move(answer)), delay_(delay) {}

Result<DecodeOutcome> FakeDecoder::decode(const Frame& frame) {
    if (auto st = frame.validate(); !st) return st.error();
    const auto start = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        seen_.push_back(frame.sequence);
    }
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    DecodeOutcome out;
    out.steps_tried = 1;
    std::string text = answer_ ? answer_(frame) : std::string();
    if (text == kSeenUnreadable) {
        out.code_seen = true;
        text.clear();
    }
    if (!text.empty()) {
        DecodedCode code;
        code.text = std::move(text);
        code.format = "QRCode";
        code.step = "fake";
        code.corners = {PointF{0, 0}, PointF{double(frame.width), 0},
                        PointF{double(frame.width), double(frame.height)}, PointF{0, double(frame.height)}};
        out.code = std::move(code);
    }
    out.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    return out;
}

std::vector<std::uint64_t> FakeDecoder::seen_sequences() const {
    std::lock_guard lock(mutex_);
    return seen_;
}

} // namespace kiosk::scanner
