#include "kiosk/core/tasks/workers.hpp"

namespace kiosk::tasks {

Workers::Workers(CompletionQueue& queue, size_t threads) : queue_(queue) {
    for (size_t i = 0; i < threads; ++i)
        threads_.emplace_back([this] { run(); });
}

Workers::~Workers() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    for (auto& thread : threads_)
        thread.join();
}

void Workers::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

size_t Workers::queued() const {
    std::lock_guard lock(mutex_);
    return jobs_.size();
}

bool Workers::idle() const {
    // One look under the lock: a job moving from the queue to a thread is never missed in between.
    std::lock_guard lock(mutex_);
    return jobs_.empty() && busy_.load() == 0;
}

void Workers::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            ++busy_;
        }
        auto completion = job();
        if (completion) queue_.post(std::move(completion));
        std::lock_guard lock(mutex_);
        --busy_;
    }
}

} // namespace kiosk::tasks
