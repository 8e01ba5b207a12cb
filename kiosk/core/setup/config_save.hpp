#pragma once
// Saving the configuration from set-up mode. A change is a list of `key=value` edits on top of the file as it
// is (or, when the file is missing or broken, the configuration the kiosk runs on). Every edit is validated
// with the same schema and cross-checks as start-up before anything is written; then the file is written
// atomically (atomic_file.hpp) with the previous contents kept as "<file>.bak", between marks that reveal a
// truncated copy (kiosk/core/config/file_marks.hpp). "Undo" puts the backup back (once).
// It does not apply the new configuration to the running kiosk (the app does that) and never writes a
// secret to the audit log (changed keys are listed by name only).

#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/setup/atomic_file.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::setup {

struct SaveOutcome {
    config::Config config;                 // what the file now holds
    std::vector<std::string> changed_keys; // dotted keys whose value changed ("services" for the list)
    bool restart_needed = false;           // some changed key is only read at start-up
};

// The base a change is made on: the file's text when it validates, else the last good copy's, else "" (the
// embedded defaults). Start-up overrides (--set) are never part of it, so they never leak into the file.
[[nodiscard]] std::string base_text(const std::filesystem::path& file,
                                    const std::filesystem::path& last_good);

// The configuration `edits` would give, validated; nothing is written. Errors name the key and the reason.
[[nodiscard]] Result<config::Config> preview_edits(const std::string& base,
                                                   const std::vector<std::string>& edits);

// Validates and writes `next` to `file` (backup kept). `before` is what the file held (for the list of
// changed keys).
[[nodiscard]] Result<SaveOutcome> save_config(const std::filesystem::path& file, const config::Config& before,
                                              const config::Config& next, const AtomicWrite& how = {});
// base_text + preview_edits + save_config: `key=value` edits on top of the file as it is.
[[nodiscard]] Result<SaveOutcome> save_edits(const std::filesystem::path& file,
                                             const std::filesystem::path& last_good,
                                             const std::vector<std::string>& edits);

// Puts "<file>.bak" back in place of the file (validated first) and removes the backup.
[[nodiscard]] Result<SaveOutcome> undo_last_save(const std::filesystem::path& file);
[[nodiscard]] bool can_undo(const std::filesystem::path& file);

// A temporary file left by a save that was interrupted (the file itself is then still the old one).
[[nodiscard]] bool unfinished_save(const std::filesystem::path& file);

// The keys whose values differ; "services" when the service list differs.
[[nodiscard]] std::vector<std::string> changed_keys(const config::Config& a, const config::Config& b);
// Keys that only take effect after a restart (state folder, status server, fullscreen, secrets file).
[[nodiscard]] bool needs_restart(const std::vector<std::string>& keys);

// The configuration as TOML with set-up's marks around it.
[[nodiscard]] std::string render_marked(const config::Config& config);
// The same with every secret (gateway and status tokens, database password) replaced by "***", for a
// diagnostics bundle.
[[nodiscard]] std::string render_without_secrets(const config::Config& config);
// "abcd…wxyz" → "••••••wxyz": the last 4 characters of a token, for the Network screen.
[[nodiscard]] std::string mask_token(const std::string& token);

} // namespace kiosk::setup
