#pragma once
// Replays a UI script against the running app through the same input path as a real touchscreen. Steps that
// need frames (taps, drags, typing, waits, screenshots) yield back to the frame loop; `expect` checks the
// text the last frame drew. Before reading the screen it waits for background work to settle (bounded).

#include "kiosk/app/input_translator.hpp"
#include "kiosk/core/script/script.hpp"
#include "kiosk/ui/ui_context.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::app {

struct ScriptHost {
    InputTranslator& input;
    std::function<const std::vector<ui::VisibleText>&()> visible;
    std::function<bool()> busy;                              // background work or input still in flight
    std::function<void(const std::string& path)> screenshot; // capture the next frame to path
    std::function<std::string(const std::string& key_value)>
        set;                                                // apply a config override; error text or empty
    std::function<void(const std::string& failure)> report; // each failure as it happens (the app's log)
};

class ScriptRunner {
  public:
    ScriptRunner(std::vector<script::Step> steps, std::string origin, ScriptHost host);

    // Runs steps until one needs frames; returns false when the script has finished.
    bool step();
    // When the loop should wake for the script even without events.
    [[nodiscard]] std::chrono::steady_clock::time_point wake_at() const { return wake_at_; }
    [[nodiscard]] bool failed() const { return !failures_.empty(); }
    [[nodiscard]] const std::vector<std::string>& failures() const { return failures_; }

  private:
    bool settled();
    void fail(const script::Step& step, const std::string& why);
    [[nodiscard]] std::string visible_summary() const;

    std::vector<script::Step> steps_;
    std::string origin_;
    ScriptHost host_;
    size_t next_ = 0;
    std::chrono::steady_clock::time_point wake_at_{};
    std::chrono::steady_clock::time_point settle_deadline_{};
    bool settling_ = false;
    std::vector<std::string> failures_;
};

} // namespace kiosk::app
