// The journald sink against a real systemd-journald: the test process moves into its own mount namespace
// (root only; skipped otherwise), puts empty tmpfs over /run and /var/log there (nothing reaches the host's
// journal), starts /lib/systemd/systemd-journald, logs through make_journal_sink() + Logger and reads the
// entries back with `journalctl -o json`. It checks PRIORITY, KIOSK_EVENT, the entry's KIOSK_* fields, the
// redaction of a dossier code and a bearer token, and that repeats arrive as 3 entries + one summary.
#include "kiosk/app/log_sink.hpp"
#include "kiosk/core/util/clock.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

using namespace kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr const char* kJournald = "/lib/systemd/systemd-journald";

pid_t spawn(std::vector<std::string> args, const std::string& out_file) {
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// This process's own /run and /var/log: empty tmpfs seen by nobody else. Empty string when it worked.
std::string private_run_and_log() {
    if (geteuid() != 0) return "needs root (a mount namespace with tmpfs over /run)";
    if (!fs::exists(kJournald)) return std::string("no ") + kJournald + " (package systemd)";
    if (unshare(CLONE_NEWNS) != 0) return std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return std::string("making / private: ") + std::strerror(errno);
    for (const char* dir : {"/run", "/var/log"})
        if (mount("tmpfs", dir, "tmpfs", 0, "mode=0755,size=16m") != 0)
            return std::string("tmpfs on ") + dir + ": " + std::strerror(errno);
    fs::create_directories("/run/systemd/journal");
    fs::create_directories("/run/log/journal");
    return {};
}

struct Journald {
    pid_t pid = -1;
    ~Journald() {
        if (pid <= 0) return;
        kill(pid, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (waitpid(pid, nullptr, WNOHANG) == pid) return;
            std::this_thread::sleep_for(20ms);
        }
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
};

// Our entries (SYSLOG_IDENTIFIER=motcua-kiosk) as journalctl prints them, one JSON object each.
std::vector<nlohmann::json> read_entries(const fs::path& out) {
    const pid_t pid = spawn({"/usr/bin/journalctl", "-D", "/run/log/journal", "-o", "json", "--no-pager",
                             "SYSLOG_IDENTIFIER=motcua-kiosk"},
                            out.string());
    if (pid <= 0) return {};
    int status = 0;
    waitpid(pid, &status, 0);
    std::vector<nlohmann::json> entries;
    std::istringstream lines(read_text(out));
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded()) entries.push_back(std::move(j));
    }
    return entries;
}

} // namespace

TEST(JournalSink, EntriesReachARealJournaldWithLevelsFieldsRedactionAndRepeatLimit) {
    if (auto why = private_run_and_log(); !why.empty()) GTEST_SKIP() << "no private journald: " << why;
    const fs::path out = "/run/journalctl.json"; // on the private tmpfs too
    Journald journald;
    journald.pid = spawn({kJournald}, "/dev/null");
    ASSERT_GT(journald.pid, 0);
    for (int i = 0; i < 400 && !fs::exists("/run/systemd/journal/socket"); ++i)
        std::this_thread::sleep_for(50ms);
    // journald itself not starting is about the machine (a container without the rights it wants), not
    // about the sink: say so and skip rather than fail.
    if (!fs::exists("/run/systemd/journal/socket"))
        GTEST_SKIP() << "systemd-journald did not open its socket within 20 s on this machine";

    auto sink = app::make_journal_sink();
    ManualClock clock;
    log::Logger logger(*sink, clock);
    logger.error(
        "queue.print_failed", "ticket recorded as print_failed: media-empty-error",
        {{"KIOSK_TICKET", "A001"}, {"KIOSK_PRINTER_FAULT", "out_of_paper"}, {"lower_case", "dropped"}});
    logger.warning("dossier.lookup_failed", "lookup of 000.00.99.H99-251120-0002 failed; Bearer s3cr3t-tok",
                   {{"KIOSK_DOSSIER", "000.00.99.H99-251120-0002"}});
    for (int i = 0; i < 5; ++i)
        logger.warning("speech.failed", "could not speak: no audio device", {{"KIOSK_SPEAKER", "lobby"}});
    logger.flush();

    std::vector<nlohmann::json> entries;
    for (int i = 0; i < 100 && entries.size() < 6; ++i) { // journald stores asynchronously: poll, bounded
        entries = read_entries(out);
        if (entries.size() < 6) std::this_thread::sleep_for(50ms);
    }
    ASSERT_EQ(entries.size(), 6u) << read_text(out);

    const auto& print = entries[0];
    EXPECT_EQ(print["PRIORITY"], "3");
    EXPECT_EQ(print["KIOSK_EVENT"], "queue.print_failed");
    EXPECT_EQ(print["KIOSK_TICKET"], "A001");
    EXPECT_EQ(print["KIOSK_PRINTER_FAULT"], "out_of_paper");
    EXPECT_FALSE(print.contains("lower_case")) << "a field name journald does not accept was passed on";
    EXPECT_EQ(print["MESSAGE"], "queue.print_failed: ticket recorded as print_failed: media-empty-error");
    EXPECT_EQ(print["_TRANSPORT"], "journal");

    const auto& dossier = entries[1];
    EXPECT_EQ(dossier["PRIORITY"], "4");
    const std::string text = dossier.dump();
    EXPECT_EQ(text.find("251120-0002"), std::string::npos) << text;
    EXPECT_EQ(text.find("s3cr3t"), std::string::npos) << text;
    EXPECT_NE(dossier["KIOSK_DOSSIER"].get<std::string>().find("000.00.99.H99-"), std::string::npos);

    for (int i = 2; i < 5; ++i)
        EXPECT_EQ(entries[i]["KIOSK_EVENT"], "speech.failed");
    EXPECT_EQ(entries[5]["KIOSK_REPEATS"], "2");
    EXPECT_NE(entries[5]["MESSAGE"].get<std::string>().find("repeated 2 more times"), std::string::npos);
}
