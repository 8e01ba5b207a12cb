#pragma once
// The hidden way into set-up mode on a touchscreen: N taps (presses) inside the square in the top-left
// corner within a time window. Any press outside the square starts the count over. Pure logic over
// (x, y, monotonic ms); it does not see the screen or decide whether set-up may open (the PIN does).

#include <cstdint>
#include <deque>

namespace kiosk::setup {

struct CornerRule {
    float side_px = 120;
    int taps = 5;
    std::int64_t window_ms = 3000;
};

class CornerGesture {
  public:
    explicit CornerGesture(CornerRule rule = {}) : rule_(rule) {}
    void set_rule(CornerRule rule) { rule_ = rule, presses_.clear(); }
    // A press at (x, y); returns true when it completes the gesture (the count then starts over).
    bool press(float x, float y, std::int64_t at_ms) {
        if (x < 0 || y < 0 || x >= rule_.side_px || y >= rule_.side_px) {
            presses_.clear();
            return false;
        }
        presses_.push_back(at_ms);
        while (!presses_.empty() && at_ms - presses_.front() > rule_.window_ms)
            presses_.pop_front();
        if (static_cast<int>(presses_.size()) < rule_.taps) return false;
        presses_.clear();
        return true;
    }

  private:
    CornerRule rule_;
    std::deque<std::int64_t> presses_;
};

} // namespace kiosk::setup
