#include "kiosk/core/setup/config_save.hpp"

#include "kiosk/core/config/file_marks.hpp"
#include "kiosk/core/config/schema.hpp"

#include <optional>
#include <regex>

namespace kiosk::setup {

std::string render_marked(const config::Config& config) {
    return std::string(config::kWrittenBySetup) + "\n" + config::to_toml(config) + "\n" +
           std::string(config::kEndOfFile) + "\n";
}

namespace {

std::optional<std::string> valid_text(const std::filesystem::path& path) {
    auto text = read_whole_file(path);
    if (text && text->has_value() && config::load_config_text(**text, path.string()).ok()) return **text;
    return std::nullopt;
}

config::Config config_of(const std::string& text) {
    auto loaded = config::load_config_text(text, "base");
    return loaded.ok() ? loaded.config : config::Config{};
}

} // namespace

std::string base_text(const std::filesystem::path& file, const std::filesystem::path& last_good) {
    if (auto text = valid_text(file)) return *text;
    if (auto text = valid_text(last_good)) return *text;
    return {};
}

Result<config::Config> preview_edits(const std::string& base, const std::vector<std::string>& edits) {
    auto loaded = config::load_config_text(base, "set-up", edits);
    if (!loaded.ok()) {
        std::string message;
        for (const auto& problem : loaded.problems)
            message += (message.empty() ? "" : "; ") + problem.to_string();
        return make_error("invalid", message);
    }
    return std::move(loaded.config);
}

std::vector<std::string> changed_keys(const config::Config& a, const config::Config& b) {
    std::vector<std::string> keys;
    for (const auto& def : config::config_schema())
        if (!(def.get(a) == def.get(b))) keys.push_back(def.key);
    if (a.services != b.services) keys.push_back("services");
    return keys;
}

bool needs_restart(const std::vector<std::string>& keys) {
    for (const auto& key : keys)
        if (key.rfind("paths.", 0) == 0 || key.rfind("status.", 0) == 0 || key == "display.fullscreen" ||
            key == "setup.secrets_file")
            return true;
    return false;
}

Result<SaveOutcome> save_config(const std::filesystem::path& file, const config::Config& before,
                                const config::Config& next, const AtomicWrite& how) {
    std::string text = render_marked(next);
    // What is written must read back as exactly what was validated.
    auto check = config::load_config_text(text, file.string());
    if (!check.ok()) return make_error("invalid", check.problems.front().to_string());
    if (config::to_toml(check.config) != config::to_toml(next))
        return make_error("invalid", "the configuration does not read back the same");
    AtomicWrite write = how;
    write.keep_backup = true;
    if (auto written = write_file_atomic(file, text, write); !written) return written.error();
    SaveOutcome outcome{std::move(check.config), changed_keys(before, next), false};
    outcome.restart_needed = needs_restart(outcome.changed_keys);
    return outcome;
}

bool can_undo(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::exists(backup_path(file), ec);
}

Result<SaveOutcome> save_edits(const std::filesystem::path& file, const std::filesystem::path& last_good,
                               const std::vector<std::string>& edits) {
    auto base = base_text(file, last_good);
    auto next = preview_edits(base, edits);
    if (!next) return next.error();
    return save_config(file, config_of(base), next.value());
}

Result<SaveOutcome> undo_last_save(const std::filesystem::path& file) {
    auto backup = read_whole_file(backup_path(file));
    if (!backup) return backup.error();
    if (!backup->has_value())
        return make_error("no_backup", "there is no earlier configuration to go back to");
    auto loaded = config::load_config_text(**backup, backup_path(file).string());
    if (!loaded.ok()) return make_error("invalid", loaded.problems.front().to_string());
    auto before = config_of(valid_text(file).value_or(""));
    if (auto written = write_file_atomic(file, **backup, {}); !written) return written.error();
    std::error_code ec;
    std::filesystem::remove(backup_path(file), ec);
    SaveOutcome outcome{std::move(loaded.config), {}, false};
    outcome.changed_keys = changed_keys(before, outcome.config);
    outcome.restart_needed = needs_restart(outcome.changed_keys);
    return outcome;
}

bool unfinished_save(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::exists(temp_path(file), ec);
}

std::string mask_token(const std::string& token) {
    if (token.empty()) return {};
    if (token.size() <= 8) return "••••••";
    return "••••••" + token.substr(token.size() - 4);
}

std::string render_without_secrets(const config::Config& config) {
    config::Config copy = config;
    if (!copy.gateway.token.empty()) copy.gateway.token = "***";
    if (!copy.status.token.empty()) copy.status.token = "***";
    copy.ui.setup_pin.clear();
    // password=... in a libpq key/value string, or user:password@ in a URI.
    copy.queue.postgres_dsn =
        std::regex_replace(copy.queue.postgres_dsn, std::regex(R"(password\s*=\s*\S+)"), "password=***");
    copy.queue.postgres_dsn =
        std::regex_replace(copy.queue.postgres_dsn, std::regex(R"((://[^:/@]+):[^@]*@)"), "$1:***@");
    return config::to_toml(copy);
}

} // namespace kiosk::setup
