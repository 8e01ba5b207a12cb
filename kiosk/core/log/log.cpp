#include "kiosk/core/log/log.hpp"

#include <cctype>

namespace kiosk::log {
namespace {

constexpr std::size_t kMaxTracked = 256;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_unit_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.';
}

// Masks `{unit}-{yymmdd}-{sequence}` starting at i (the '-' before yymmdd); returns the end, or npos.
std::size_t dossier_code_end(std::string_view t, std::size_t dash) {
    std::size_t i = dash + 1;
    std::size_t digits = 0;
    while (i < t.size() && is_digit(t[i]) && digits < 7) {
        ++i;
        ++digits;
    }
    if (digits != 6 || i >= t.size() || t[i] != '-') return std::string_view::npos;
    ++i;
    std::size_t seq = 0;
    while (i < t.size() && is_digit(t[i])) {
        ++i;
        ++seq;
    }
    if (seq < 4 || seq > 7) return std::string_view::npos;
    return i;
}

bool starts_with_ci(std::string_view t, std::size_t at, std::string_view word) {
    if (t.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(t[at + k])) != word[k]) return false;
    return true;
}

bool valid_field_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name[0] == '_' || is_digit(name[0])) return false;
    for (char c : name)
        if (!((c >= 'A' && c <= 'Z') || is_digit(c) || c == '_')) return false;
    return true;
}

} // namespace

std::string redact(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    std::size_t i = 0;
    while (i < t.size()) {
        // "bearer <secret>" and "token=<secret>" / "token: <secret>"
        for (std::string_view key :
             {std::string_view("bearer "), std::string_view("token="), std::string_view("token: ")}) {
            if (starts_with_ci(t, i, key)) {
                out.append(t.substr(i, key.size()));
                i += key.size();
                std::size_t end = i;
                while (end < t.size() && !std::isspace(static_cast<unsigned char>(t[end])) && t[end] != '&' &&
                       t[end] != ',' && t[end] != '"')
                    ++end;
                if (end > i) out += "***";
                i = end;
                break;
            }
        }
        if (i >= t.size()) break;
        if (t[i] == '-' && !out.empty() && is_unit_char(out.back())) {
            const std::size_t end = dossier_code_end(t, i);
            if (end != std::string_view::npos) {
                out += "-******-";
                const std::size_t seq_start = i + 8;
                for (std::size_t k = seq_start; k < end; ++k)
                    out += k + 2 < end ? '*' : t[k];
                i = end;
                continue;
            }
        }
        out += t[i++];
    }
    return out;
}

Logger::Logger(Sink& sink, const Clock& clock, RateLimit limit) : sink_(sink), clock_(clock), limit_(limit) {}

void Logger::write_suppressed(const std::string& message, Repeat& r) {
    if (r.suppressed == 0) return;
    Entry e;
    e.level = r.level;
    e.event = r.event;
    e.message = message + " (repeated " + std::to_string(r.suppressed) + " more times)";
    e.fields.push_back({"KIOSK_REPEATS", std::to_string(r.suppressed)});
    sink_.write(e);
    r.suppressed = 0;
}

void Logger::log(Level level, std::string_view event, std::string_view message, std::vector<Field> fields) {
    Entry e;
    e.level = level;
    e.event = std::string(event);
    e.message = redact(message);
    for (auto& f : fields)
        if (valid_field_name(f.name)) e.fields.push_back({std::move(f.name), redact(f.value)});

    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.monotonic_ms();
    const std::string key = e.event + '\n' + e.message;
    auto it = repeats_.find(key);
    if (it == repeats_.end()) {
        if (repeats_.size() >= kMaxTracked) {
            for (auto& [k, r] : repeats_)
                write_suppressed(k.substr(k.find('\n') + 1), r);
            repeats_.clear();
        }
        it = repeats_.emplace(key, Repeat{now, 0, 0, level, e.event}).first;
    }
    Repeat& r = it->second;
    if (now - r.window_start >= limit_.window.count()) {
        write_suppressed(e.message, r);
        r.window_start = now;
        r.count = 0;
    }
    if (++r.count > limit_.burst) {
        ++r.suppressed;
        return;
    }
    sink_.write(e);
}

void Logger::flush() {
    std::lock_guard lock(mutex_);
    for (auto& [k, r] : repeats_)
        write_suppressed(k.substr(k.find('\n') + 1), r);
}

} // namespace kiosk::log
