#pragma once
// Where set-up mode keeps its files under the state folder: the secrets file (unless configured elsewhere),
// the audit log and diagnostics bundles. Plain paths; nothing is created here.

#include <filesystem>
#include <string>

namespace kiosk::setup {

struct SetupPaths {
    std::filesystem::path dir;       // <state>/setup
    std::filesystem::path secrets;   // <state>/setup/secrets, or setup.secrets_file
    std::filesystem::path audit_log; // <state>/setup/audit.log
};

[[nodiscard]] inline SetupPaths setup_paths(const std::filesystem::path& state_dir,
                                            const std::string& configured_secrets) {
    SetupPaths p;
    p.dir = state_dir / "setup";
    p.secrets = configured_secrets.empty() ? p.dir / "secrets" : std::filesystem::path(configured_secrets);
    p.audit_log = p.dir / "audit.log";
    return p;
}

} // namespace kiosk::setup
