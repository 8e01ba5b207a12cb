#pragma once
// Strict loader for the catalog JSON ("motcua-catalog/1"): parses, validates and builds a Catalog.
// Validation reports EVERY problem it finds, each with its JSON path, e.g.
//   procedures[12].channels[0].kind: expected one of in_person|online|post, got "walk-in"
// A JSON syntax error stops parsing (there is nothing reliable after it) and is reported with its
// line/column and the path where it happened. Hostile input is bounded by LoadLimits (size, nesting,
// string length, number of problems kept) and never crashes. It does not read config, touch the
// network or cache anything.

#include "kiosk/core/catalog/model.hpp"
#include "kiosk/core/util/result.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::catalog {

struct Problem {
    std::string path;    // JSON path: "$" for the document, "procedures[12].channels[0].kind", ...
    std::string message; // what is wrong, with the offending value quoted
    [[nodiscard]] std::string to_string() const { return path + ": " + message; }
};

struct LoadLimits {
    std::size_t max_bytes = 32u << 20;        // whole document
    int max_depth = 16;                       // the format itself needs 5
    std::size_t max_string_bytes = 64u << 10; // one JSON string
    std::size_t max_problems = 1000;          // kept in the report; the rest are only counted
};

struct LoadReport {
    std::vector<Problem> problems;
    std::size_t suppressed = 0; // problems found beyond LoadLimits::max_problems

    [[nodiscard]] bool ok() const { return problems.empty() && suppressed == 0; }
    [[nodiscard]] std::size_t total() const { return problems.size() + suppressed; }
    // "N problems:\n<path: message>\n..." with at most max_lines problem lines.
    [[nodiscard]] std::string summary(std::size_t max_lines = 10) const;
};

// Parses and validates; on failure the error (kind "invalid_catalog" or "too_large") summarises the
// first problems. Use the overload with a report to get all of them.
[[nodiscard]] Result<Catalog> load_catalog(std::string_view json_text);
[[nodiscard]] Result<Catalog> load_catalog(std::string_view json_text, LoadReport& report,
                                           const LoadLimits& limits = {});
// Same checks, keeps only the report (used by `kioskctl catalog validate`).
[[nodiscard]] LoadReport validate_catalog(std::string_view json_text, const LoadLimits& limits = {});

// Reads a file (refusing files above limits.max_bytes before reading them) and loads it.
// Error kinds: "not_found", "io", "too_large", "invalid_catalog".
[[nodiscard]] Result<std::string> read_catalog_text(const std::filesystem::path& path,
                                                    std::size_t max_bytes = LoadLimits{}.max_bytes);
[[nodiscard]] Result<Catalog> load_catalog_file(const std::filesystem::path& path,
                                                LoadReport* report = nullptr, const LoadLimits& limits = {});

} // namespace kiosk::catalog
