// DecodeWorker: newest frame wins (stale frames dropped, never queued), submit() never blocks,
// reads arrive through the callback, repeats are suppressed, shutdown is clean.
#include "drivers/scanner/decode_worker.hpp"
#include "drivers/scanner/fake_decoder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace kiosk::scanner;
using namespace std::chrono_literals;

namespace {

Frame frame(std::uint64_t seq, std::uint8_t tag = 0) {
    Frame f;
    f.width = 4, f.height = 2, f.stride = 4, f.sequence = seq;
    f.bytes.assign(8, tag);
    return f;
}

// Polls `pred` for up to 5 s (the worker is asynchronous).
template <class P> bool eventually(P pred) {
    for (int i = 0; i < 500; ++i) {
        if (pred()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return pred();
}

struct Reads {
    std::mutex m;
    std::vector<ScanRead> v;
    void add(const ScanRead& r) {
        std::lock_guard l(m);
        v.push_back(r);
    }
    size_t size() {
        std::lock_guard l(m);
        return v.size();
    }
};

} // namespace

TEST(DecodeWorker, DropsStaleFramesAndDecodesTheNewest) {
    auto fake = std::make_unique<FakeDecoder>([](const Frame& f) { return f.bytes[0] ? "CODE" : ""; }, 40ms);
    FakeDecoder* probe = fake.get();
    Reads reads;
    DecodeWorker w(std::move(fake), [&](const ScanRead& r) { reads.add(r); });

    const auto t0 = std::chrono::steady_clock::now();
    for (std::uint64_t i = 1; i <= 30; ++i)
        w.submit(frame(i, i == 30 ? 1 : 0)); // only the newest frame holds a code
    const auto submit_time = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(submit_time, 200ms) << "submit() must not wait for decoding (30 x 40 ms = 1.2 s)";

    ASSERT_TRUE(eventually([&] { return w.idle() && reads.size() == 1; }));
    const auto seen = probe->seen_sequences();
    const auto st = w.stats();
    EXPECT_EQ(st.submitted, 30u);
    EXPECT_EQ(st.decoded + st.dropped, 30u);
    EXPECT_LE(seen.size(), 5u) << "a 40 ms decoder fed 30 frames at once must skip most of them";
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back(), 30u); // the newest frame is never the one dropped
    for (size_t i = 1; i < seen.size(); ++i)
        EXPECT_LT(seen[i - 1], seen[i]);
    EXPECT_EQ(reads.v[0].code.text, "CODE");
    EXPECT_EQ(reads.v[0].frame_sequence, 30u);
}

TEST(DecodeWorker, SuppressesRepeatsUntilReset) {
    auto fake = std::make_unique<FakeDecoder>([](const Frame&) { return "H15.50.05.13-261008-0975"; });
    Reads reads;
    DecodeWorker w(
        std::move(fake), [&](const ScanRead& r) { reads.add(r); }, DecodeWorkerOptions{10s});
    for (std::uint64_t i = 1; i <= 5; ++i) {
        w.submit(frame(i));
        ASSERT_TRUE(eventually([&] { return w.idle(); }));
    }
    EXPECT_EQ(reads.size(), 1u);
    EXPECT_EQ(w.stats().suppressed, 4u);
    w.reset_repeat_filter();
    w.submit(frame(6));
    ASSERT_TRUE(eventually([&] { return reads.size() == 2; }));
}

TEST(DecodeWorker, BadFramesCountAsErrorsNotReads) {
    Reads reads;
    DecodeWorker w(std::make_unique<FakeDecoder>([](const Frame&) { return "X"; }),
                   [&](const ScanRead& r) { reads.add(r); });
    Frame broken = frame(1);
    broken.bytes.resize(3);
    w.submit(broken);
    ASSERT_TRUE(eventually([&] { return w.stats().decoded == 1; }));
    EXPECT_EQ(w.stats().errors, 1u);
    EXPECT_EQ(reads.size(), 0u);
}

TEST(DecodeWorker, StopsPromptlyWithWorkPendingAndIgnoresLateFrames) {
    std::atomic<int> calls{0};
    auto w = std::make_unique<DecodeWorker>(
        std::make_unique<FakeDecoder>([&](const Frame&) { return ++calls, std::string(); }, 50ms),
        [](const ScanRead&) {});
    w->submit(frame(1));
    w->submit(frame(2));
    const auto t0 = std::chrono::steady_clock::now();
    w->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
    w->submit(frame(3)); // after stop: ignored, no crash
    w->stop();           // idempotent
    EXPECT_LE(calls.load(), 1);
    w.reset(); // destructor after stop
}

TEST(DecodeWorker, CallbackMaySubmitWithoutDeadlock) {
    DecodeWorker* self = nullptr;
    std::atomic<int> reads{0};
    DecodeWorker w(std::make_unique<FakeDecoder>([](const Frame& f) { return std::to_string(f.sequence); }),
                   [&](const ScanRead& r) {
                       ++reads;
                       if (r.frame_sequence < 3) self->submit(frame(r.frame_sequence + 1));
                   });
    self = &w;
    w.submit(frame(1));
    ASSERT_TRUE(eventually([&] { return reads.load() == 3; }));
}

TEST(DecodeWorker, ACodeSeenButNotReadGoesToOnSeen) {
    Reads reads;
    std::atomic<int> seen{0};
    DecodeWorker w(
        std::make_unique<FakeDecoder>([](const Frame& f) {
            return f.sequence == 3 ? std::string("H15.50.05.13-261008-0975") : FakeDecoder::kSeenUnreadable;
        }),
        [&](const ScanRead& r) { reads.add(r); }, DecodeWorkerOptions{}, [&] { ++seen; });
    for (std::uint64_t i = 1; i <= 3; ++i) {
        w.submit(frame(i));
        ASSERT_TRUE(eventually([&] { return w.idle(); }));
    }
    EXPECT_EQ(seen.load(), 2);
    EXPECT_EQ(w.stats().seen, 2u);
    EXPECT_EQ(reads.size(), 1u);
}
