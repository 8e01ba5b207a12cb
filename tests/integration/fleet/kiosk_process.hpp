#pragma once
// Runs the real kiosk binary offscreen with a script, for fleet tests: its own state folder, no configuration
// file, status server on an ephemeral port (read from its log line). The destructor kills it if still
// running.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace kiosk::test {

class KioskProcess {
  public:
    KioskProcess(const std::filesystem::path& dir, const std::string& script, std::vector<std::string> sets,
                 std::vector<std::string> env = {}) {
        std::filesystem::create_directories(dir / "state");
        std::ofstream(dir / "run.kiosk") << script;
        log_ = dir / "kiosk.err";
        std::vector<std::string> args{(std::filesystem::path(KIOSK_BINARY_DIR) / "kiosk/app/kiosk").string(),
                                      "--set", "status.port=0"};
        for (auto& s : sets) {
            args.push_back("--set");
            args.push_back(std::move(s));
        }
        args.push_back("--script");
        args.push_back((dir / "run.kiosk").string());
        std::vector<std::string> envs{"SDL_VIDEODRIVER=offscreen",
                                      "XDG_STATE_HOME=" + (dir / "state").string(),
                                      "KIOSK_CONFIG=" + (dir / "none.toml").string(), "KIOSK_LOG=stderr"};
        for (char** e = environ; *e; ++e) {
            std::string v(*e);
            if (v.rfind("ASAN_OPTIONS=", 0) == 0)
                v += ":detect_leaks=0"; // Mesa's GL driver, see run_script.cmake
            if (v.rfind("SDL_", 0) != 0 && v.rfind("XDG_STATE_HOME=", 0) != 0 && v.rfind("KIOSK_", 0) != 0)
                envs.push_back(v);
        }
        for (auto& e : env)
            envs.push_back(std::move(e));
        std::vector<char*> argv, envp;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : envs)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~KioskProcess() {
        if (pid_ <= 0) return;
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] std::string log() const {
        std::ifstream in(log_);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    // The status port from the "status on http://127.0.0.1:PORT/healthz" log line; 0 after `limit`.
    [[nodiscard]] int status_port(std::chrono::seconds limit) const {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < end) {
            const auto text = log();
            const auto at = text.find("status on http://127.0.0.1:");
            if (at != std::string::npos) return std::atoi(text.c_str() + at + 27);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return 0;
    }
    // Waits (bounded) for the kiosk to exit; its exit code, or -1.
    int wait(std::chrono::seconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (pid_ > 0 && std::chrono::steady_clock::now() < end) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return -1;
    }

  private:
    pid_t pid_ = -1;
    std::filesystem::path log_;
};

} // namespace kiosk::test
