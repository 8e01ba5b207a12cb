#include "kiosk/core/tasks/completion_queue.hpp"
#include "kiosk/core/tasks/workers.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kiosk::tasks;

TEST(Tasks, ResultsReachTheDrainingThreadOnly) {
    CompletionQueue queue;
    std::atomic<int> wakes{0};
    queue.set_waker([&] { ++wakes; });
    auto ui_thread = std::this_thread::get_id();
    std::vector<int> results;
    std::vector<std::thread::id> ran_on;
    {
        Workers workers(queue, 2);
        for (int i = 0; i < 20; ++i)
            workers.submit([i, &results, &ran_on]() -> CompletionQueue::Completion {
                int value = i * i; // the "slow work", on a worker
                return [value, &results, &ran_on] {
                    results.push_back(value);
                    ran_on.push_back(std::this_thread::get_id());
                };
            });
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (results.size() < 20 && std::chrono::steady_clock::now() < deadline) {
            queue.drain();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ASSERT_EQ(results.size(), 20u);
    EXPECT_EQ(wakes.load(), 20);
    for (auto id : ran_on)
        EXPECT_EQ(id, ui_thread);
    std::sort(results.begin(), results.end());
    EXPECT_EQ(results[19], 361);
}

TEST(Tasks, DrainRunsInPostOrder) {
    CompletionQueue queue;
    std::string order;
    queue.post([&] { order += "a"; });
    queue.post([&] { order += "b"; });
    EXPECT_EQ(queue.pending(), 2u);
    EXPECT_EQ(queue.drain(), 2u);
    EXPECT_EQ(order, "ab");
    EXPECT_EQ(queue.drain(), 0u);
}
