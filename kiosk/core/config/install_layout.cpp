#include "kiosk/core/config/install_layout.hpp"

namespace kiosk::config {

std::filesystem::path installed_assets_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    auto share = exe.parent_path().parent_path() / "share" / "motcua-kiosk";
    if (!std::filesystem::is_directory(share / "i18n", ec)) return {};
    return share;
}

} // namespace kiosk::config
