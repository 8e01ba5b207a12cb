#include "kiosk/core/tasks/completion_queue.hpp"

namespace kiosk::tasks {

void CompletionQueue::set_waker(std::function<void()> waker) {
    std::lock_guard lock(mutex_);
    waker_ = std::move(waker);
}

void CompletionQueue::post(Completion completion) {
    std::function<void()> waker;
    {
        std::lock_guard lock(mutex_);
        items_.push_back(std::move(completion));
        waker = waker_;
    }
    if (waker) waker();
}

size_t CompletionQueue::drain() {
    std::deque<Completion> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(items_);
    }
    for (auto& completion : batch)
        completion();
    return batch.size();
}

size_t CompletionQueue::pending() const {
    std::lock_guard lock(mutex_);
    return items_.size();
}

} // namespace kiosk::tasks
