#pragma once
// Internal to the catalog loader: parses JSON text into an nlohmann::json tree through a SAX handler so
// that hostile input stays bounded (nesting depth, string length) and every string is checked for
// UTF-8/NFC/control characters where its JSON path is known. Duplicate object keys are reported
// (nlohmann's own DOM parser silently keeps the last one). It does not validate the catalog schema.

#include "kiosk/core/catalog/loader.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::catalog::detail {

using ProblemSink = std::function<void(std::string path, std::string message)>;

// JSON path helpers: join_key("", "a") == "a", join_key("a", "b") == "a.b",
// join_key("a", "x y") == "a[\"x y\"]", join_index("a", 3) == "a[3]".
[[nodiscard]] std::string join_key(const std::string& path, std::string_view key);
[[nodiscard]] std::string join_index(const std::string& path, std::size_t index);

// Returns false if the text is not parseable JSON (syntax error, nesting too deep); the problem is
// reported through `sink`. String problems are reported but do not stop parsing.
[[nodiscard]] bool parse_json_dom(std::string_view text, const LoadLimits& limits, const ProblemSink& sink,
                                  nlohmann::json& out);

} // namespace kiosk::catalog::detail
