// Saving from set-up mode: validate before writing, backup and undo, and crash safety. The crash tests kill
// a real child process (SIGKILL) between writing the temporary file and renaming it, and cut a saved file
// short, then resolve the start-up configuration exactly as the kiosk does.
#include "kiosk/core/config/file_marks.hpp"
#include "kiosk/core/setup/audit_log.hpp"
#include "kiosk/core/setup/config_save.hpp"
#include "kiosk/runtime/config_snapshot.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::setup {
namespace {

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("setup-save-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

runtime::ResolvedConfig start_kiosk(const std::filesystem::path& file, const std::filesystem::path& state) {
    return runtime::resolve_startup_config({file.string(), {"paths.state_dir=" + state.string()}});
}

TEST(ConfigSave, ValidatesBeforeWritingAndKeepsABackup) {
    auto dir = fresh_dir("validate");
    auto file = dir / "kiosk.toml";
    config::Config before;
    auto last_good = dir / "last-good.toml";
    auto bad = preview_edits(base_text(file, last_good), {"ui.idle_timeout_s=2"});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("ui.idle_timeout_s"), std::string::npos) << bad.error().message;
    EXPECT_FALSE(std::filesystem::exists(file)); // nothing written

    auto next = preview_edits(base_text(file, last_good), {"ui.language=en", "ui.idle_timeout_s=90"});
    ASSERT_TRUE(next) << next.error().message;
    auto saved = save_config(file, before, next.value());
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->changed_keys, (std::vector<std::string>{"ui.language", "ui.idle_timeout_s"}));
    EXPECT_FALSE(saved->restart_needed);
    EXPECT_TRUE(can_undo(file));
    EXPECT_EQ(read(backup_path(file)), ""); // no file before: the backup means "the defaults"
    auto loaded = config::load_config_file(file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.config.ui.idle_timeout_s, 90);

    // A second change keeps the first as its backup; undo brings it back, once.
    auto saved2 = save_edits(file, last_good, {"status.port=9099"});
    ASSERT_TRUE(saved2);
    EXPECT_TRUE(saved2->restart_needed);
    EXPECT_EQ(saved2->changed_keys, (std::vector<std::string>{"status.port"}));
    auto undone = undo_last_save(file);
    ASSERT_TRUE(undone) << undone.error().message;
    EXPECT_EQ(undone->config.status.port, 8088);
    EXPECT_EQ(undone->config.ui.idle_timeout_s, 90);
    EXPECT_EQ(undone->changed_keys, (std::vector<std::string>{"status.port"}));
    EXPECT_FALSE(can_undo(file));
    EXPECT_FALSE(undo_last_save(file));
    std::filesystem::remove_all(dir);
}

TEST(ConfigSave, ControlCharactersInTextSurviveASave) {
    auto dir = fresh_dir("control");
    auto file = dir / "kiosk.toml";
    config::Config next;
    next.office.name_vi = "UBND\nphường\t\x01\x7f \"A\" \\ B";
    auto saved = save_config(file, config::Config{}, next);
    ASSERT_TRUE(saved) << saved.error().message;
    auto loaded = config::load_config_file(file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.config.office.name_vi, next.office.name_vi);
    std::filesystem::remove_all(dir);
}

TEST(ConfigSave, PlaintextPinIsRefusedWithHowToSetOne) {
    auto r = config::load_config_text("[ui]\nsetup_pin = \"1234\"\n", "kiosk.toml");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.problems[0].key, "ui.setup_pin");
    EXPECT_NE(r.problems[0].message.find("kioskctl setup set-pin"), std::string::npos);
}

TEST(ConfigSave, KilledBetweenWriteAndRenameStartsOnThePreviousFile) {
    auto dir = fresh_dir("kill");
    auto file = dir / "kiosk.toml", state = dir / "state";
    config::Config first;
    first.ui.idle_timeout_s = 75;
    ASSERT_TRUE(save_config(file, config::Config{}, first));
    config::Config second = first;
    second.ui.idle_timeout_s = 200;
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        AtomicWrite how;
        how.observer = [](SaveStep step) {
            if (step == SaveStep::temp_written) ::raise(SIGKILL); // a power cut before the rename
        };
        (void)save_config(file, first, second, how);
        ::_exit(0); // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    EXPECT_TRUE(unfinished_save(file));
    auto started = start_kiosk(file, state);
    EXPECT_EQ(started.source, config::ConfigSource::file);
    EXPECT_EQ(started.config->ui.idle_timeout_s, 75);
    // The next save clears the leftover.
    ASSERT_TRUE(save_config(file, first, second));
    EXPECT_FALSE(unfinished_save(file));
    EXPECT_EQ(config::load_config_file(file).config.ui.idle_timeout_s, 200);
    std::filesystem::remove_all(dir);
}

TEST(ConfigSave, TruncatedFileStartsOnTheLastGoodCopyOrTheDefaults) {
    auto dir = fresh_dir("truncated");
    auto file = dir / "kiosk.toml", state = dir / "state";
    config::Config good;
    good.ui.idle_timeout_s = 75;
    good.office.kiosk_id = "kiosk-7";
    ASSERT_TRUE(save_config(file, config::Config{}, good));
    auto first = start_kiosk(file, state); // a good start keeps a last good copy
    ASSERT_EQ(first.source, config::ConfigSource::file);
    std::string text = read(file);
    // Cut after the [ui] section: what is left still parses as TOML, so only the end mark reveals it.
    auto cut = text.find("[setup]");
    ASSERT_NE(cut, std::string::npos);
    std::filesystem::resize_file(file, cut);
    EXPECT_TRUE(config::cut_short(read(file)));
    auto started = start_kiosk(file, state);
    EXPECT_EQ(started.source, config::ConfigSource::last_good);
    EXPECT_EQ(started.config->office.kiosk_id, "kiosk-7");
    EXPECT_FALSE(started.notice_key().empty());
    // Without a last good copy: the defaults, and it still says so.
    std::filesystem::remove_all(state);
    auto bare = start_kiosk(file, state);
    EXPECT_EQ(bare.source, config::ConfigSource::defaults);
    EXPECT_EQ(bare.config->office.kiosk_id, config::Config{}.office.kiosk_id);
    EXPECT_EQ(bare.notice_key(), "config.fallback_defaults");
    // Every cut point of the saved file is caught (never a shorter, valid configuration).
    // (An empty file is the defaults by design; every other cut is refused.)
    for (size_t at = 1; at + 1 < text.size(); at += at < 100 ? 7 : 97) {
        auto r = config::load_config_text(text.substr(0, at), "cut");
        EXPECT_FALSE(r.ok()) << "cut at " << at << " loaded as valid";
    }
    std::filesystem::remove_all(dir);
}

TEST(ConfigSave, WithoutSecretsAndMaskedToken) {
    config::Config c;
    c.gateway.token = "tok-SECRET-abcdef1234";
    c.status.token = "status-SECRET-99";
    c.queue.postgres_dsn = "host=db user=k password=hunter2 dbname=q";
    auto text = render_without_secrets(c);
    EXPECT_EQ(text.find("SECRET"), std::string::npos);
    EXPECT_EQ(text.find("hunter2"), std::string::npos);
    EXPECT_NE(text.find("password=***"), std::string::npos);
    EXPECT_EQ(mask_token(c.gateway.token), "••••••1234");
    EXPECT_EQ(mask_token(""), "");
    EXPECT_EQ(mask_token("short"), "••••••");
}

TEST(AuditLog, AppendsRotatesAndHoldsNoSecret) {
    auto dir = fresh_dir("audit");
    AuditLog log(dir / "audit.log", {200, 2});
    auto at = std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000);
    for (int i = 0; i < 12; ++i)
        ASSERT_TRUE(log.append({at, "pin_wrong", "attempt " + std::to_string(i) + " pin=246810 token=abc"}));
    EXPECT_TRUE(std::filesystem::exists(dir / "audit.log.1"));
    EXPECT_TRUE(std::filesystem::exists(dir / "audit.log.2"));
    EXPECT_FALSE(std::filesystem::exists(dir / "audit.log.3"));
    for (const char* name : {"audit.log", "audit.log.1", "audit.log.2"}) {
        auto text = read(dir / name);
        EXPECT_EQ(text.find("246810"), std::string::npos) << name;
        EXPECT_EQ(text.find("token=abc"), std::string::npos) << name;
    }
    auto tail = log.tail(3);
    ASSERT_FALSE(tail.empty());
    EXPECT_NE(tail.back().find("pin_wrong attempt 11"), std::string::npos) << tail.back();
    EXPECT_NE(tail.back().find("+07"), std::string::npos);
    EXPECT_EQ(scrub_detail("a\nb"), "a b");
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace kiosk::setup
