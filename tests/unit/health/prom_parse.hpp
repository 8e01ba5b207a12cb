#pragma once
// A strict reader of the Prometheus text exposition format 0.0.4 for tests: it parses every line into
// HELP/TYPE declarations and samples (name, unescaped labels, value) and reports the first malformed line.
// It does not handle timestamps' semantics or the OpenMetrics format.

#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::test {

struct PromSample {
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

struct PromText {
    std::map<std::string, std::string> help; // family → unescaped help
    std::map<std::string, std::string> type; // family → counter/gauge/...
    std::vector<PromSample> samples;
    std::string error; // empty when every line parsed

    [[nodiscard]] std::optional<PromSample>
    find(const std::string& name, const std::map<std::string, std::string>& labels = {}) const {
        for (const auto& s : samples) {
            if (s.name != name) continue;
            bool all = true;
            for (const auto& [k, v] : labels) {
                auto it = s.labels.find(k);
                if (it == s.labels.end() || it->second != v) all = false;
            }
            if (all) return s;
        }
        return std::nullopt;
    }
};

inline bool prom_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}
inline bool prom_name_char(char c) {
    return prom_name_start(c) || std::isdigit(static_cast<unsigned char>(c));
}

inline std::size_t prom_read_name(const std::string& line, std::size_t i, std::string& out) {
    const std::size_t start = i;
    if (i >= line.size() || !prom_name_start(line[i])) return std::string::npos;
    while (i < line.size() && prom_name_char(line[i]))
        ++i;
    out = line.substr(start, i - start);
    return i;
}

inline bool prom_parse_value(const std::string& text, double& out) {
    if (text == "NaN") return out = 0, true;
    if (text == "+Inf" || text == "-Inf") return out = 0, true;
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

inline PromText parse_prometheus(const std::string& body) {
    PromText r;
    std::size_t pos = 0;
    int line_no = 0;
    auto fail = [&](const std::string& why, const std::string& line) {
        r.error = "line " + std::to_string(line_no) + ": " + why + ": " + line;
    };
    while (pos < body.size() && r.error.empty()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string::npos) {
            ++line_no;
            fail("last line lacks a newline", body.substr(pos));
            break;
        }
        const std::string line = body.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (line.empty()) continue;
        if (line[0] == '#') {
            if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
                std::string name;
                std::size_t i = prom_read_name(line, 7, name);
                if (i == std::string::npos || i >= line.size() || line[i] != ' ') {
                    fail("bad HELP/TYPE name", line);
                    break;
                }
                std::string rest = line.substr(i + 1);
                if (line[2] == 'H') {
                    std::string help;
                    for (std::size_t k = 0; k < rest.size(); ++k) {
                        if (rest[k] == '\\' && k + 1 < rest.size()) {
                            const char e = rest[++k];
                            help += e == 'n' ? '\n' : e;
                        } else {
                            help += rest[k];
                        }
                    }
                    if (r.help.count(name)) fail("second HELP", line);
                    r.help[name] = help;
                } else {
                    if (rest != "counter" && rest != "gauge" && rest != "histogram" && rest != "summary" &&
                        rest != "untyped") {
                        fail("bad TYPE", line);
                    }
                    if (r.type.count(name)) fail("second TYPE", line);
                    for (const auto& s : r.samples) {
                        if (s.name == name) fail("TYPE after samples", line);
                    }
                    r.type[name] = rest;
                }
            }
            continue; // other comments are allowed
        }
        PromSample s;
        std::size_t i = prom_read_name(line, 0, s.name);
        if (i == std::string::npos) {
            fail("bad metric name", line);
            break;
        }
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                std::string key;
                i = prom_read_name(line, i, key);
                if (i == std::string::npos || i + 1 >= line.size() || line[i] != '=' || line[i + 1] != '"') {
                    fail("bad label", line);
                    break;
                }
                i += 2;
                std::string value;
                bool closed = false;
                while (i < line.size()) {
                    const char c = line[i++];
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\') {
                        if (i >= line.size()) break;
                        const char e = line[i++];
                        if (e == 'n')
                            value += '\n';
                        else if (e == '\\' || e == '"')
                            value += e;
                        else {
                            fail("bad escape in label value", line);
                            break;
                        }
                    } else {
                        value += c;
                    }
                }
                if (!r.error.empty()) break;
                if (!closed) {
                    fail("unterminated label value", line);
                    break;
                }
                if (s.labels.count(key)) fail("repeated label", line);
                s.labels[key] = value;
                if (i < line.size() && line[i] == ',') ++i;
            }
            if (!r.error.empty()) break;
            if (i >= line.size()) {
                fail("unterminated label set", line);
                break;
            }
            ++i; // '}'
        }
        if (i >= line.size() || line[i] != ' ') {
            fail("no space before value", line);
            break;
        }
        std::string rest = line.substr(i + 1);
        const std::size_t sp = rest.find(' ');
        const std::string value = rest.substr(0, sp);
        if (!prom_parse_value(value, s.value)) {
            fail("bad value", line);
            break;
        }
        if (sp != std::string::npos) {
            const std::string ts = rest.substr(sp + 1);
            char* end = nullptr;
            std::strtoll(ts.c_str(), &end, 10);
            if (ts.empty() || end != ts.c_str() + ts.size()) fail("bad timestamp", line);
        }
        for (const auto& other : r.samples) {
            if (other.name == s.name && other.labels == s.labels) fail("duplicate series", line);
        }
        r.samples.push_back(std::move(s));
    }
    return r;
}

} // namespace kiosk::test
