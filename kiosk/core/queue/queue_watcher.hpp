#pragma once
// QueueWatcher: wakes a lobby display or kiosk when the queue changed in another process, without a busy
// loop. PostgreSQL: LISTEN on the office's channel, woken by the pg_notify that every counter operation
// sends in its transaction. SQLite (one PC): PRAGMA data_version on a connection of its own, read every
// poll interval (a cheap read of a header counter; the thread sleeps in between). wait() blocks its caller
// (a worker thread, never the UI thread) for at most `timeout`.

#include "kiosk/core/util/result.hpp"

#include <chrono>

namespace kiosk::queue {

class QueueWatcher {
  public:
    virtual ~QueueWatcher() = default;
    // True when something changed since the last call (or may have: after a reconnect), false on timeout.
    [[nodiscard]] virtual Result<bool> wait(std::chrono::milliseconds timeout) = 0;
};

} // namespace kiosk::queue
