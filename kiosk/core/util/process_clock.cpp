#include "kiosk/core/util/process_clock.hpp"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace kiosk {

double ms_since_process_start() {
    std::FILE* file = std::fopen("/proc/self/stat", "r");
    if (!file) return -1;
    char buffer[1024];
    size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[n] = '\0';
    // Field 2 (comm) may contain spaces; fields are counted after its closing parenthesis.
    const char* p = std::strrchr(buffer, ')');
    if (!p) return -1;
    unsigned long long start_ticks = 0;
    int field = 2;
    for (const char* c = p + 1; *c; ++c) {
        if (*c == ' ') {
            ++field;
            if (field == 22) {
                std::sscanf(c + 1, "%llu", &start_ticks);
                break;
            }
        }
    }
    long hz = sysconf(_SC_CLK_TCK);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    double now_ms = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return now_ms - static_cast<double>(start_ticks) * 1000.0 / static_cast<double>(hz);
}

} // namespace kiosk
