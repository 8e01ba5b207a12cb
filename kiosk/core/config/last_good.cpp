#include "kiosk/core/config/last_good.hpp"
#include "kiosk/core/config/install_layout.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kiosk::config {

std::filesystem::path last_good_path(const std::filesystem::path& state_dir) {
    return state_dir / "last-good-config.toml";
}

namespace {

bool save_copy(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::create_directories(to.parent_path(), ec);
    std::ifstream in(from, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto tmp = to;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text.str();
        out.flush();
        if (!out) return false;
    }
    std::filesystem::rename(tmp, to, ec);
    return !ec;
}

} // namespace

EffectiveConfig resolve_config(const std::filesystem::path& config_path,
                               const std::vector<std::string>& overrides,
                               const std::filesystem::path& state_dir) {
    EffectiveConfig effective;
    effective.path = config_path;
    LoadResult requested = load_config_file(config_path, overrides);
    if (requested.ok()) {
        effective.config = std::move(requested.config);
        effective.source = requested.file_found ? ConfigSource::file : ConfigSource::defaults;
        if (requested.file_found) (void)save_copy(config_path, last_good_path(state_dir));
        return effective;
    }
    effective.problems = std::move(requested.problems);
    std::error_code ec;
    auto backup = last_good_path(state_dir);
    if (std::filesystem::exists(backup, ec)) {
        LoadResult fallback = load_config_file(backup, overrides);
        if (fallback.ok()) {
            effective.config = std::move(fallback.config);
            effective.source = ConfigSource::last_good;
            return effective;
        }
    }
    // Defaults with only the overrides that are valid on their own.
    LoadResult defaults = load_config_text("", "defaults", overrides);
    effective.config = defaults.ok() ? std::move(defaults.config) : Config{};
    effective.source = ConfigSource::defaults;
    return effective;
}

std::filesystem::path state_dir_for(const std::string& configured) {
    if (!configured.empty()) return configured;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "motcua-kiosk";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local/state/motcua-kiosk";
    return std::filesystem::temp_directory_path() / "motcua-kiosk";
}

std::filesystem::path config_path_for(const std::string& explicit_path) {
    if (!explicit_path.empty()) return explicit_path;
    if (const char* env = std::getenv("KIOSK_CONFIG"); env && *env) return env;
    return "/etc/motcua-kiosk/kiosk.toml";
}

std::filesystem::path assets_dir_for(const Config& config) {
    if (!config.paths.assets_dir.empty()) return config.paths.assets_dir;
    if (const char* env = std::getenv("KIOSK_ASSETS_DIR"); env && *env) return env;
    if (auto installed = installed_assets_dir(); !installed.empty()) return installed;
    return KIOSK_DEFAULT_ASSETS_DIR;
}

} // namespace kiosk::config
