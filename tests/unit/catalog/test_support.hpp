#pragma once
// Shared helpers for the catalog tests: the fixture text, JSON mutation, problem lookup, temp folders.

#include "kiosk/core/catalog/loader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace catalog_test {

inline std::filesystem::path data_dir() {
    return std::filesystem::path(KIOSK_TEST_DATA_DIR) / "unit" / "catalog" / "data";
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string fixture_text() {
    return read_file(data_dir() / "small_catalog.json");
}
inline nlohmann::json fixture_json() {
    return nlohmann::json::parse(fixture_text());
}
inline std::string dump(const nlohmann::json& doc) {
    return doc.dump(2);
}

inline kiosk::catalog::LoadReport validate(const nlohmann::json& doc) {
    return kiosk::catalog::validate_catalog(dump(doc));
}

// The message of the problem at exactly `path`, or "<none>" (listing all problems for a readable failure).
inline std::string message_at(const kiosk::catalog::LoadReport& report, const std::string& path) {
    for (const auto& problem : report.problems)
        if (problem.path == path) return problem.message;
    return "<none> in " + report.summary(50);
}

inline bool has_problem(const kiosk::catalog::LoadReport& report, const std::string& path,
                        const std::string& fragment) {
    for (const auto& problem : report.problems)
        if (problem.path == path && problem.message.find(fragment) != std::string::npos) return true;
    return false;
}

// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("kiosk_catalog_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

} // namespace catalog_test
