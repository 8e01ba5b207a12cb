#pragma once
// HidWedgeScanner: tells a USB keyboard-wedge barcode scanner apart from a person typing, from key timing
// alone. A scanner "types" its code in a fast, even burst ending in Enter; a person types slower and
// unevenly. Keys are held back until the burst is decided (at most `max_gap_ms` for a person's key), then
// either delivered as one scan or handed back unchanged as ordinary keys, in order.
// A pure state machine: the caller feeds key events with their times and calls tick() from its loop;
// no clocks, threads or devices here.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::scanner {

struct KeyEvent {
    char32_t ch = 0;          // Unicode character; U+000D or U+000A is Enter
    std::int64_t time_ms = 0; // monotonic milliseconds
};

struct WedgeEvent {
    enum class Kind { key, scan };
    Kind kind = Kind::key;
    KeyEvent key;     // kind == key: the keystroke, untouched
    std::string text; // kind == scan: the scanned code (UTF-8, without the Enter)
};

struct HidWedgeOptions {
    int max_avg_gap_ms = 30; // a burst's average inter-key gap (scanners: 1-20 ms)
    int max_gap_ms = 60;     // any single gap above this ends the burst (and releases held keys)
    std::size_t min_length = 6;
    std::size_t max_length = 512;
};

class HidWedgeScanner {
  public:
    explicit HidWedgeScanner(HidWedgeOptions options = {}) : options_(options) {}

    // Feeds one key; returns what can be decided now (possibly nothing while a burst is open).
    [[nodiscard]] std::vector<WedgeEvent> feed(KeyEvent key);
    // Releases held keys once `max_gap_ms` passed without a key; call from the frame loop.
    [[nodiscard]] std::vector<WedgeEvent> tick(std::int64_t now_ms);
    // When tick() next needs calling (for the loop's wait timeout); nullopt when nothing is held.
    [[nodiscard]] std::optional<std::int64_t> deadline_ms() const;
    [[nodiscard]] bool holding() const { return !held_.empty(); }

  private:
    void release_held(std::vector<WedgeEvent>& out);
    HidWedgeOptions options_;
    std::vector<KeyEvent> held_;
};

} // namespace kiosk::scanner
