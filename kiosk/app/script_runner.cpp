#include "kiosk/app/script_runner.hpp"

namespace kiosk::app {

using Clock = std::chrono::steady_clock;

ScriptRunner::ScriptRunner(std::vector<script::Step> steps, std::string origin, ScriptHost host)
    : steps_(std::move(steps)), origin_(std::move(origin)), host_(std::move(host)) {}

void ScriptRunner::fail(const script::Step& step, const std::string& why) {
    failures_.push_back(origin_ + ":" + std::to_string(step.line) + ": " + why);
    if (host_.report) host_.report(failures_.back());
}

std::string ScriptRunner::visible_summary() const {
    std::string out;
    for (const auto& item : host_.visible()) {
        if (out.size() > 1500) return out + " …";
        out += (out.empty() ? "\"" : ", \"") + item.text + "\"";
    }
    return out;
}

// Waits (up to 10 s per step) until input has been consumed and background work has finished, so the screen
// reflects the previous step.
bool ScriptRunner::settled() {
    if (!host_.busy()) {
        settling_ = false;
        return true;
    }
    auto now = Clock::now();
    if (!settling_) settling_ = true, settle_deadline_ = now + std::chrono::seconds(10);
    if (now >= settle_deadline_) {
        settling_ = false;
        return true;
    }
    wake_at_ = now + std::chrono::milliseconds(5);
    return false;
}

bool ScriptRunner::step() {
    auto now = Clock::now();
    if (now < wake_at_) return true;
    while (next_ < steps_.size()) {
        // A wait is about wall time: it starts at once, even while background work is still running.
        bool settle = !steps_[next_].no_settle && steps_[next_].kind != script::StepKind::wait;
        if (settle && !settled()) return true;
        const script::Step& s = steps_[next_];
        ++next_;
        switch (s.kind) {
        case script::StepKind::tap_label: {
            const ui::VisibleText* hit = nullptr;
            for (const auto& item : host_.visible())
                if (item.text == s.text && (!hit || (item.tappable && !hit->tappable))) hit = &item;
            if (!hit)
                for (const auto& item : host_.visible())
                    if (item.tappable && item.text.find(s.text) != std::string::npos) hit = &item;
            if (!hit) {
                fail(s, "no visible \"" + s.text + "\" to tap; visible: " + visible_summary());
                break;
            }
            float x = (hit->min.x + hit->max.x) / 2, y = (hit->min.y + hit->max.y) / 2;
            host_.input.inject_move(x, y);
            host_.input.inject_down(x, y);
            host_.input.inject_up(x, y);
            return true;
        }
        case script::StepKind::tap_xy:
            host_.input.inject_move(s.x1, s.y1);
            host_.input.inject_down(s.x1, s.y1);
            host_.input.inject_up(s.x1, s.y1);
            return true;
        case script::StepKind::drag: {
            host_.input.inject_move(s.x1, s.y1);
            host_.input.inject_down(s.x1, s.y1);
            host_.input.inject_move(s.x2, s.y2);
            host_.input.inject_up(s.x2, s.y2);
            return true;
        }
        case script::StepKind::type:
            host_.input.inject_text(s.text);
            return true;
        case script::StepKind::key: {
            KeyPress::Kind kind;
            if (!key_kind_from_name(s.text, kind)) {
                fail(s, "unknown key '" + s.text + "' (known: Return, Backspace, Escape)");
                break;
            }
            host_.input.inject_key(kind);
            return true;
        }
        case script::StepKind::wait:
            wake_at_ = now + std::chrono::milliseconds(s.ms);
            return true;
        case script::StepKind::expect:
        case script::StepKind::expect_not: {
            bool found = false;
            for (const auto& item : host_.visible())
                found = found || item.text.find(s.text) != std::string::npos;
            if (s.kind == script::StepKind::expect && !found)
                fail(s, "expected \"" + s.text + "\" on screen; visible: " + visible_summary());
            if (s.kind == script::StepKind::expect_not && found)
                fail(s, "\"" + s.text + "\" should not be on screen");
            break;
        }
        case script::StepKind::screenshot:
            host_.screenshot(s.text);
            return true;
        case script::StepKind::set:
            if (auto error = host_.set(s.text); !error.empty()) fail(s, error);
            return true;
        }
    }
    return !settled();
}

} // namespace kiosk::app
