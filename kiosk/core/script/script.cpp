#include "kiosk/core/script/script.hpp"

#include <charconv>
#include <cstdlib>

namespace kiosk::script {
namespace {

struct Cursor {
    std::string_view rest;

    void skip_space() {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
            rest.remove_prefix(1);
    }
    std::string_view word() {
        skip_space();
        size_t n = 0;
        while (n < rest.size() && rest[n] != ' ' && rest[n] != '\t')
            ++n;
        auto w = rest.substr(0, n);
        rest.remove_prefix(n);
        return w;
    }
    bool quoted(std::string& out, std::string& why) {
        skip_space();
        if (rest.empty() || rest.front() != '"') return why = "expected a double-quoted string", false;
        rest.remove_prefix(1);
        out.clear();
        while (!rest.empty()) {
            char c = rest.front();
            rest.remove_prefix(1);
            if (c == '"') return true;
            if (c == '\\' && !rest.empty()) {
                c = rest.front();
                rest.remove_prefix(1);
                if (c == 'n') c = '\n';
            }
            out += c;
        }
        return why = "unterminated string", false;
    }
    bool number(float& out) {
        auto w = word();
        if (w.empty()) return false;
        std::string s(w);
        char* end = nullptr;
        out = std::strtof(s.c_str(), &end);
        return end && *end == '\0';
    }
    bool at_end() {
        skip_space();
        return rest.empty();
    }
};

} // namespace

Result<std::vector<Step>> parse_script(std::string_view text, std::string_view origin) {
    std::vector<Step> steps;
    int line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        Cursor c{line};
        c.skip_space();
        if (c.rest.empty() || c.rest.front() == '#') continue;
        auto fail = [&](const std::string& why) {
            return make_error("invalid_script",
                              std::string(origin) + ":" + std::to_string(line_no) + ": " + why);
        };
        std::string_view verb = c.word();
        Step step;
        step.line = line_no;
        if (verb == "tap!" || verb == "expect!" || verb == "expect_not!" || verb == "set!") {
            step.no_settle = true;
            verb.remove_suffix(1);
        }
        std::string why;
        if (verb == "tap") {
            c.skip_space();
            if (!c.rest.empty() && c.rest.front() == '"') {
                step.kind = StepKind::tap_label;
                if (!c.quoted(step.text, why)) return fail(why);
            } else {
                step.kind = StepKind::tap_xy;
                if (!c.number(step.x1) || !c.number(step.y1)) return fail("tap needs \"label\" or X Y");
            }
        } else if (verb == "drag") {
            step.kind = StepKind::drag;
            if (!c.number(step.x1) || !c.number(step.y1) || !c.number(step.x2) || !c.number(step.y2))
                return fail("drag needs X1 Y1 X2 Y2");
        } else if (verb == "type" || verb == "expect" || verb == "expect_not") {
            step.kind = verb == "type"     ? StepKind::type
                        : verb == "expect" ? StepKind::expect
                                           : StepKind::expect_not;
            if (!c.quoted(step.text, why)) return fail(why);
        } else if (verb == "key") {
            step.kind = StepKind::key;
            step.text = std::string(c.word());
            if (step.text.empty()) return fail("key needs a NAME (e.g. Return, Backspace, Escape)");
        } else if (verb == "wait") {
            step.kind = StepKind::wait;
            auto w = c.word();
            auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), step.ms);
            if (ec != std::errc() || p != w.data() + w.size() || step.ms < 0 || step.ms > 600000)
                return fail("wait needs milliseconds (0–600000)");
        } else if (verb == "screenshot") {
            step.kind = StepKind::screenshot;
            c.skip_space();
            if (!c.rest.empty() && c.rest.front() == '"') {
                if (!c.quoted(step.text, why)) return fail(why);
            } else {
                step.text = std::string(c.word());
            }
            if (step.text.empty()) return fail("screenshot needs a PATH");
        } else if (verb == "set") {
            step.kind = StepKind::set;
            c.skip_space();
            step.text = std::string(c.rest);
            c.rest = {};
            if (step.text.find('=') == std::string::npos) return fail("set needs key=value");
        } else {
            return fail("unknown command '" + std::string(verb) + "'");
        }
        if (!c.at_end()) return fail("unexpected text after the command: '" + std::string(c.rest) + "'");
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace kiosk::script
