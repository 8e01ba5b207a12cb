#pragma once
// Marks that set-up mode writes around a configuration file it saves, so a file cut short (a full disk, a
// copy interrupted, a truncated write) is recognised as damaged instead of loading as a shorter, valid
// configuration with settings silently back at their defaults. Hand-written files carry no marks and are
// read as before.

#include <string_view>

namespace kiosk::config {

inline constexpr std::string_view kWrittenBySetup =
    "# Written by the kiosk's set-up mode. Edit with care: the last line must stay.";
inline constexpr std::string_view kEndOfFile = "# end of configuration";

// True when `text` starts with kWrittenBySetup but does not end with kEndOfFile.
// A non-empty text that stops inside the first mark is cut short too (an empty file means the defaults).
[[nodiscard]] inline bool cut_short(std::string_view text) {
    if (!text.empty() && text.size() <= kWrittenBySetup.size())
        return kWrittenBySetup.substr(0, text.size()) == text;
    if (text.substr(0, kWrittenBySetup.size()) != kWrittenBySetup) return false;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    return text.size() < kEndOfFile.size() || text.substr(text.size() - kEndOfFile.size()) != kEndOfFile;
}

} // namespace kiosk::config
