#include "kiosk/cli/cli_input.hpp"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace kiosk::cli {

std::string read_secret_line(std::ostream& prompt_to, std::string_view prompt) {
    termios saved{};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        prompt_to << prompt << std::flush;
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        prompt_to << "\n";
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

} // namespace kiosk::cli
