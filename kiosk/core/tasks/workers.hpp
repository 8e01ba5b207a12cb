#pragma once
// A small pool of worker threads for slow work (HTTP, printing, decoding, database). A job runs on a worker
// and returns a completion that is posted to the CompletionQueue, so results reach the model only on the UI
// thread. Jobs must bound their own time (timeouts); the pool does not cancel running jobs. Destruction waits
// for running jobs and drops queued ones.

#include "kiosk/core/tasks/completion_queue.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::tasks {

class Workers {
  public:
    using Job = std::function<CompletionQueue::Completion()>;

    Workers(CompletionQueue& queue, size_t threads);
    ~Workers();
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    void submit(Job job);
    [[nodiscard]] size_t busy() const { return busy_.load(); }
    [[nodiscard]] size_t queued() const;
    // No job queued and none running, judged at one instant (busy() and queued() read one after the other
    // can both miss a job that just moved from the queue to a thread).
    [[nodiscard]] bool idle() const;

  private:
    void run();

    CompletionQueue& queue_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::atomic<size_t> busy_{0};
    std::vector<std::thread> threads_;
};

} // namespace kiosk::tasks
