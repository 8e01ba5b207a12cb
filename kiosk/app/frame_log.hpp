#pragma once
// Opt-in frame-event log (`kiosk --frame-log FILE`), for latency benchmarks: after each presented frame it
// appends one line per text that became visible in that frame (not visible in the previous presented frame):
//   <CLOCK_MONOTONIC microseconds> <text>
// so another process on the same machine can tell when something (e.g. a called ticket) was first shown.
// Off by default; it does nothing when no file was given. It does not log texts that stay visible, and it
// records what was drawn into the presented buffer, not when the monitor scanned it out.

#include "kiosk/ui/ui_context.hpp"

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace kiosk::app {

class FrameLog {
  public:
    FrameLog() = default;
    ~FrameLog();
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;

    // Opens (truncates) FILE; returns an error message naming it, or "".
    [[nodiscard]] std::string open(const std::string& path);
    [[nodiscard]] bool enabled() const { return file_ != nullptr; }
    // Call right after the frame was presented, with that frame's visible texts.
    void presented(const std::vector<ui::VisibleText>& visible);

  private:
    std::FILE* file_ = nullptr;
    std::set<std::string> shown_; // texts of the previous presented frame
};

} // namespace kiosk::app
