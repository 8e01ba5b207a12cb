#pragma once
// Writing a file so that a crash or power cut at any moment leaves either the old or the new contents, never
// half of one: write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
// Optionally the previous contents are first kept as a backup (same steps). Files are created with the mode
// asked for (0600 for secrets). It does not lock against other writers; the kiosk has one writer per file.

#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::setup {

// Points a test can stop at (to kill the process between write and rename, as a power cut would).
enum class SaveStep { backup_written, temp_written, renamed };

struct AtomicWrite {
    unsigned mode = 0644;
    bool keep_backup = false;                    // copy the previous file to backup_path(target) first
    std::function<void(SaveStep)> observer = {}; // for tests; called after each step
};

// Where the previous contents are kept ("kiosk.toml" → "kiosk.toml.bak").
[[nodiscard]] std::filesystem::path backup_path(const std::filesystem::path& target);
// The temporary file a write goes through ("kiosk.toml" → "kiosk.toml.tmp"); one left behind means a save
// was interrupted.
[[nodiscard]] std::filesystem::path temp_path(const std::filesystem::path& target);

[[nodiscard]] Status write_file_atomic(const std::filesystem::path& target, std::string_view contents,
                                       const AtomicWrite& how = {});
// The whole file; nullopt when it does not exist; an error when it exists but cannot be read.
[[nodiscard]] Result<std::optional<std::string>> read_whole_file(const std::filesystem::path& path);

} // namespace kiosk::setup
