#include "kiosk/runtime/config_snapshot.hpp"

#include "kiosk/core/config/loader.hpp"

namespace kiosk::runtime {

std::string ResolvedConfig::notice_key() const {
    if (problems.empty()) return {};
    return source == config::ConfigSource::last_good ? "config.fallback_last_good"
                                                     : "config.fallback_defaults";
}

std::string_view ResolvedConfig::source_name() const {
    switch (source) {
    case config::ConfigSource::file:
        return "file";
    case config::ConfigSource::last_good:
        return "last_good";
    case config::ConfigSource::defaults:
        return "defaults";
    }
    return "defaults";
}

namespace {

// The state folder is decided before the fallback: it holds the last good copy. A file that validates
// names it; otherwise only the overrides (and then the environment) do.
std::filesystem::path state_dir_of(const std::filesystem::path& path,
                                   const std::vector<std::string>& overrides) {
    auto probe = config::load_config_file(path, overrides);
    const auto& source = probe.ok() ? probe.config : config::load_config_text("", "--set", overrides).config;
    return config::state_dir_for(source.paths.state_dir);
}

ResolvedConfig resolve(const std::filesystem::path& path, const std::vector<std::string>& overrides,
                       const std::filesystem::path& state_dir) {
    auto effective = config::resolve_config(path, overrides, state_dir);
    ResolvedConfig r;
    r.config = std::make_shared<const config::Config>(std::move(effective.config));
    r.source = effective.source;
    r.problems = std::move(effective.problems);
    r.path = path;
    r.state_dir = state_dir;
    return r;
}

} // namespace

ResolvedConfig resolve_startup_config(const ConfigRequest& request) {
    auto path = config::config_path_for(request.config_path);
    return resolve(path, request.overrides, state_dir_of(path, request.overrides));
}

ConfigStore::ConfigStore(ConfigRequest request, ResolvedConfig resolved)
    : request_(std::move(request)), resolved_(std::move(resolved)) {}

Result<ConfigPtr> ConfigStore::apply_override(const std::string& key_value) {
    auto trial = request_.overrides;
    trial.push_back(key_value);
    // The state folder stays where the kiosk started: moving it live would orphan the stores.
    auto next = resolve(resolved_.path, trial, resolved_.state_dir);
    // Validated against the configuration it lands on (file or last good copy, earlier overrides): a value
    // that only makes sense with another setting is judged with that setting.
    if (next.source != resolved_.source || next.problems.size() > resolved_.problems.size()) {
        for (const auto& problem : next.problems)
            if (problem.origin == "--set") return make_error("invalid_override", problem.to_string());
        return make_error("invalid_override", key_value + " does not validate with the configuration in use");
    }
    request_.overrides = std::move(trial);
    resolved_ = std::move(next);
    return resolved_.config;
}

Result<ConfigPtr> ConfigStore::reload_file() {
    auto next = resolve(resolved_.path, request_.overrides, resolved_.state_dir);
    if (!next.problems.empty()) {
        std::string message;
        for (const auto& problem : next.problems)
            message += (message.empty() ? "" : "; ") + problem.to_string();
        return make_error("invalid_file", message);
    }
    resolved_ = std::move(next);
    return resolved_.config;
}

} // namespace kiosk::runtime
