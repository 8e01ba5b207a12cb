// Wait estimate: median service time × tickets ahead / counters, only with enough data.
#include "kiosk/core/queue/wait_estimate.hpp"

#include <gtest/gtest.h>

using namespace kiosk::queue;
using namespace std::chrono;

TEST(Median, OddEvenEmpty) {
    EXPECT_FALSE(median({}).has_value());
    EXPECT_EQ(*median({milliseconds{5}, milliseconds{1}, milliseconds{3}}), milliseconds{3});
    EXPECT_EQ(*median({milliseconds{4}, milliseconds{1}, milliseconds{3}, milliseconds{100}}),
              milliseconds{3});
}

TEST(EstimateWait, NeedsEnoughServedTickets) {
    std::vector<milliseconds> served(4, minutes{6});
    EXPECT_FALSE(estimate_wait(served, 3, 1, {5}).has_value());
    served.push_back(minutes{6});
    ASSERT_TRUE(estimate_wait(served, 3, 1, {5}).has_value());
    EXPECT_EQ(*estimate_wait(served, 3, 1, {5}), minutes{18});
}

TEST(EstimateWait, DividesByCountersAndRoundsUp) {
    std::vector<milliseconds> served{minutes{4}, minutes{5}, minutes{100}, minutes{5},
                                     minutes{3}};             // median 5
    EXPECT_EQ(*estimate_wait(served, 3, 2, {5}), minutes{8}); // 7.5 → 8
    EXPECT_EQ(*estimate_wait(served, 0, 2, {5}), minutes{0});
    EXPECT_FALSE(estimate_wait(served, 3, 0, {5}).has_value());
}
