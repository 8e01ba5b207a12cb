#include "kiosk/app/frame_log.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace kiosk::app {

FrameLog::~FrameLog() {
    if (file_) std::fclose(file_);
}

std::string FrameLog::open(const std::string& path) {
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) return "--frame-log " + path + ": " + std::strerror(errno);
    return {};
}

void FrameLog::presented(const std::vector<ui::VisibleText>& visible) {
    if (!file_) return;
    // CLOCK_MONOTONIC: comparable with std::chrono::steady_clock in any process on this machine.
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    const long long us = static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
    std::set<std::string> now;
    for (const auto& v : visible) {
        std::string text = v.text;
        for (char& c : text)
            if (c == '\n' || c == '\r') c = ' '; // one event per line
        if (!shown_.count(text) && !now.count(text)) std::fprintf(file_, "%lld %s\n", us, text.c_str());
        now.insert(std::move(text));
    }
    std::fflush(file_);
    shown_ = std::move(now);
}

} // namespace kiosk::app
