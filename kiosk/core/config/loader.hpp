#pragma once
// Reads the TOML configuration, applies `--set key=value` overrides and validates everything against the
// schema. Every problem is reported (not just the first) with its origin (file or "--set"), line, key and
// what is wrong. A file with problems is not used at all; the caller decides the fallback (see
// last_good.hpp).

#include "kiosk/core/config/config.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::config {

struct Problem {
    std::string origin; // file path, or "--set"
    int line = 0;       // 1-based; 0 when unknown
    std::string key;    // dotted key, e.g. "services[1].prefix"; empty for a syntax error
    std::string message;
    [[nodiscard]] std::string to_string() const;
};

struct LoadResult {
    Config config; // defaults + every valid value; only trustworthy when problems is empty
    std::vector<Problem> problems;
    bool file_found = true;
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// Parses and validates TOML text; `origin` names it in problems.
[[nodiscard]] LoadResult load_config_text(std::string_view text, std::string_view origin,
                                          const std::vector<std::string>& overrides = {});
// A missing file is not a problem: embedded defaults (plus overrides) with file_found = false.
[[nodiscard]] LoadResult load_config_file(const std::filesystem::path& path,
                                          const std::vector<std::string>& overrides = {});
// Renders a Config as TOML (every key, with its help text as a comment).
[[nodiscard]] std::string to_toml(const Config& config);

} // namespace kiosk::config
