#pragma once
// Configuration as immutable snapshots. A snapshot (ConfigPtr) is never modified: a change builds and
// validates a new one and publishes it; work that started with the old one keeps it until it finishes.
// resolve_startup_config() is the only way the kiosk and kioskctl turn "--config FILE --set k=v" into a
// snapshot, so both fall back the same way (last good configuration, then the embedded defaults).
// ConfigStore holds the published snapshot for the UI thread; it is not thread-safe itself (workers get a
// ConfigPtr copy, never the store).

#include "kiosk/core/config/last_good.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::runtime {

using ConfigPtr = std::shared_ptr<const config::Config>;

struct ConfigRequest {
    std::string config_path;            // --config; empty: $KIOSK_CONFIG, else /etc/motcua-kiosk/kiosk.toml
    std::vector<std::string> overrides; // --set key=value, in order
};

struct ResolvedConfig {
    ConfigPtr config;
    config::ConfigSource source = config::ConfigSource::defaults;
    std::vector<config::Problem> problems; // of the requested file and overrides
    std::filesystem::path path;            // the requested file
    std::filesystem::path state_dir;       // where the last good copy lives; every state path is under it
    // "config.fallback_last_good" / "config.fallback_defaults" when the file was not used; else empty.
    [[nodiscard]] std::string notice_key() const;
    [[nodiscard]] std::string_view source_name() const; // file | last_good | defaults
};

// Reads the file (saving it as the last good copy when it validates) or falls back; never fails.
[[nodiscard]] ResolvedConfig resolve_startup_config(const ConfigRequest& request);

class ConfigStore {
  public:
    ConfigStore(ConfigRequest request, ResolvedConfig resolved);

    [[nodiscard]] const ConfigPtr& current() const { return resolved_.config; }
    [[nodiscard]] const ResolvedConfig& resolved() const { return resolved_; }
    // Builds the next snapshot with one more `key=value` on top of the file and earlier overrides. A bad
    // override is refused (error names the key and why) and nothing changes; otherwise the new snapshot is
    // published and returned.
    [[nodiscard]] Result<ConfigPtr> apply_override(const std::string& key_value);
    // Re-reads the file (after set-up saved it) with the same overrides and publishes the result. Refused
    // when the file no longer validates (the running snapshot stays).
    [[nodiscard]] Result<ConfigPtr> reload_file();

  private:
    ConfigRequest request_;
    ResolvedConfig resolved_;
};

} // namespace kiosk::runtime
