#pragma once
// The one queue through which background work hands results back to the UI thread. Workers post completions
// (small closures that update the model); the frame loop drains them once per frame. A waker is called after
// each post so a sleeping frame loop wakes up (the app sets it to SDL_PushEvent of its registered event
// type). It does not run work itself and does not order completions across different producers beyond FIFO.

#include <deque>
#include <functional>
#include <mutex>

namespace kiosk::tasks {

class CompletionQueue {
  public:
    using Completion = std::function<void()>;

    // Called from any thread after a post; must be cheap and thread-safe.
    void set_waker(std::function<void()> waker);
    void post(Completion completion);
    // Runs every pending completion on the calling thread; returns how many ran.
    size_t drain();
    [[nodiscard]] size_t pending() const;

  private:
    mutable std::mutex mutex_;
    std::deque<Completion> items_;
    std::function<void()> waker_;
};

} // namespace kiosk::tasks
