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
    // Puts a central layer (central_config.hpp) under the on-site file: defaults < central < file < --set.
    // The merged text is written to <state>/central/effective.toml and resolved like the file; a layer that
    // does not validate together with the file and overrides is refused (kind "invalid_central", naming the
    // problems) and nothing changes. An empty text removes the layer.
    [[nodiscard]] Result<ConfigPtr> apply_central(const std::string& central_toml);
    [[nodiscard]] bool has_central() const { return !central_.empty(); }
    // Re-reads the file (after set-up saved it) with the same overrides and publishes the result. Refused
    // when the file no longer validates (the running snapshot stays).
    [[nodiscard]] Result<ConfigPtr> reload_file();

  private:
    // The file resolve() reads: the on-site file, or the merged layers when a central layer is in use.
    [[nodiscard]] std::filesystem::path layered_path() const;
    ConfigRequest request_;
    ResolvedConfig resolved_;
    std::filesystem::path site_path_; // the on-site file as requested
    std::string central_;
};

} // namespace kiosk::runtime
