#pragma once
// FakeDecoder: the test double of CodeDecoder. Answers with whatever a test function says a frame holds,
// optionally after a delay, and records which frames (by sequence number) it was asked to decode.
// It looks at no pixels unless the test function does. Thread-safe queries.

#include "drivers/scanner/code_decoder.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace kiosk::scanner {

class FakeDecoder final : public CodeDecoder {
  public:
    // `answer` maps a frame to the text it "holds" (empty: no code; kSeenUnreadable: a code in view that
    // cannot be read, i.e. DecodeOutcome::code_seen). `delay` simulates decoding time.
    static constexpr const char* kSeenUnreadable = "\x01seen-unreadable";
    explicit FakeDecoder(std::function<std::string(const Frame&)> answer,
                         std::chrono::milliseconds delay = std::chrono::milliseconds(0));

    [[nodiscard]] Result<DecodeOutcome> decode(const Frame& frame) override;
    [[nodiscard]] std::string name() const override { return "fake"; }
    [[nodiscard]] std::vector<std::uint64_t> seen_sequences() const;

  private:
    std::function<std::string(const Frame&)> answer_;
    std::chrono::milliseconds delay_;
    mutable std::mutex mutex_;
    std::vector<std::uint64_t> seen_;
};

} // namespace kiosk::scanner
