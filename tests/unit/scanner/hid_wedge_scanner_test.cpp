// HidWedgeScanner: scanner bursts vs people typing, from synthetic key timings.
#include "drivers/scanner/hid_wedge_scanner.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace kiosk::scanner;

namespace {

// Types `text` starting at `t0`, one key every gaps[i % gaps.size()] ms, then Enter after `enter_gap`.
std::vector<KeyEvent> typed(const std::u32string& text, std::int64_t t0, std::vector<int> gaps, int enter_gap,
                            bool enter = true) {
    std::vector<KeyEvent> keys;
    std::int64_t t = t0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i > 0) t += gaps[(i - 1) % gaps.size()];
        keys.push_back({text[i], t});
    }
    if (enter) keys.push_back({U'\r', t + enter_gap});
    return keys;
}

struct Collected {
    std::vector<std::string> scans;
    std::u32string keys;
    std::vector<WedgeEvent> all;
};

Collected run(HidWedgeScanner& w, const std::vector<KeyEvent>& keys, std::int64_t end_tick) {
    Collected c;
    auto take = [&](std::vector<WedgeEvent> evs) {
        for (auto& e : evs) {
            if (e.kind == WedgeEvent::Kind::scan)
                c.scans.push_back(e.text);
            else
                c.keys += e.key.ch;
            c.all.push_back(e);
        }
    };
    for (const auto& k : keys)
        take(w.feed(k));
    take(w.tick(end_tick));
    return c;
}

} // namespace

TEST(HidWedge, FastEvenBurstEndingInEnterIsAScan) {
    HidWedgeScanner w;
    const auto c = run(w, typed(U"H15.50.05.13-261008-0975", 1000, {4, 6, 5}, 5), 5000);
    ASSERT_EQ(c.scans.size(), 1u);
    EXPECT_EQ(c.scans[0], "H15.50.05.13-261008-0975");
    EXPECT_TRUE(c.keys.empty());
    EXPECT_FALSE(w.holding());
}

TEST(HidWedge, SlowTypingPassesThroughUntouchedAndInOrder) {
    HidWedgeScanner w;
    const auto c = run(w, typed(U"0975abc", 1000, {180, 240, 130, 310}, 200), 9000);
    EXPECT_TRUE(c.scans.empty());
    EXPECT_EQ(c.keys, U"0975abc\r");
}

TEST(HidWedge, FastButIrregularTypistIsNotAScan) {
    // Bursts of 40-60 ms with an occasional pause: average above 30 ms, no gap above 60 ms.
    HidWedgeScanner w;
    const auto c = run(w, typed(U"nguyenvana", 0, {45, 58, 41, 55, 60, 48}, 50), 9000);
    EXPECT_TRUE(c.scans.empty());
    EXPECT_EQ(c.keys, U"nguyenvana\r");
}

TEST(HidWedge, ShortFastBurstIsBelowMinimumLength) {
    HidWedgeScanner w;
    const auto c = run(w, typed(U"abc", 0, {5}, 5), 1000);
    EXPECT_TRUE(c.scans.empty());
    EXPECT_EQ(c.keys, U"abc\r");
}

TEST(HidWedge, LongGapInsideBurstBreaksIt) {
    HidWedgeScanner w;
    // 8 fast keys, a 200 ms pause, 4 fast keys, Enter: neither part is a scan of min length 6 + fast Enter...
    auto keys = typed(U"ABCDEFGH", 0, {5}, 0, false);
    auto tail = typed(U"1234", 8 * 5 + 200, {5}, 5);
    keys.insert(keys.end(), tail.begin(), tail.end());
    const auto c = run(w, keys, 5000);
    EXPECT_TRUE(c.scans.empty());
    EXPECT_EQ(c.keys, U"ABCDEFGH1234\r");
}

TEST(HidWedge, HumanKeyJustBeforeBurstIsHandedBackSeparately) {
    HidWedgeScanner w;
    std::vector<KeyEvent> keys = {{U'x', 0}};
    auto burst = typed(U"H26-200915-0001", 45, {3}, 3); // 45 ms after the person's key: within max_gap
    keys.insert(keys.end(), burst.begin(), burst.end());
    const auto c = run(w, keys, 5000);
    ASSERT_EQ(c.scans.size(), 1u);
    EXPECT_EQ(c.scans[0], "H26-200915-0001");
    EXPECT_EQ(c.keys, U"x");
    ASSERT_EQ(c.all.size(), 2u);
    EXPECT_EQ(c.all[0].kind, WedgeEvent::Kind::key); // order kept: the person's key first
}

TEST(HidWedge, HeldKeysAreReleasedByTickAfterMaxGap) {
    HidWedgeOptions opt;
    opt.max_gap_ms = 60;
    HidWedgeScanner w(opt);
    EXPECT_TRUE(w.feed({U'7', 100}).empty()); // held: could be the start of a burst
    ASSERT_TRUE(w.deadline_ms().has_value());
    EXPECT_GT(*w.deadline_ms(), 160);
    EXPECT_TRUE(w.tick(150).empty());
    const auto out = w.tick(161);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].key.ch, U'7');
    EXPECT_EQ(out[0].key.time_ms, 100);
    EXPECT_FALSE(w.deadline_ms().has_value());
}

TEST(HidWedge, BurstWithoutEnterIsReleasedAsKeys) {
    HidWedgeScanner w;
    const auto c = run(w, typed(U"ABCDEFGHIJ", 0, {4}, 0, false), 1000);
    EXPECT_TRUE(c.scans.empty());
    EXPECT_EQ(c.keys, U"ABCDEFGHIJ");
}

TEST(HidWedge, NonAsciiScanIsUtf8) {
    HidWedgeScanner w;
    const auto c = run(w, typed(U"Hồ sơ 0975", 0, {2}, 2), 1000);
    ASSERT_EQ(c.scans.size(), 1u);
    EXPECT_EQ(c.scans[0], "Hồ sơ 0975");
}

TEST(HidWedge, TwoScansInARow) {
    HidWedgeScanner w;
    auto keys = typed(U"AAAAAAA1", 0, {3}, 3);
    auto second = typed(U"BBBBBBB2", 500, {3}, 3);
    keys.insert(keys.end(), second.begin(), second.end());
    const auto c = run(w, keys, 5000);
    ASSERT_EQ(c.scans.size(), 2u);
    EXPECT_EQ(c.scans[0], "AAAAAAA1");
    EXPECT_EQ(c.scans[1], "BBBBBBB2");
}

TEST(HidWedge, StuckKeyDoesNotGrowWithoutBound) {
    HidWedgeOptions opt;
    opt.max_length = 32;
    HidWedgeScanner w(opt);
    size_t released = 0;
    for (int i = 0; i < 100; ++i)
        released += w.feed({U'a', i * 2}).size();
    EXPECT_GE(released, 64u);
    EXPECT_LE(w.tick(10000).size(), 33u);
}
