// Fuzzes the configuration loader (TOML → schema validation → cross-checks, set-up's end-of-file mark): any
// bytes must give a Config or a problem list, never a crash, a hang or UB. A text that loads must render back
// (to_toml) to a text that loads to the same rendering, as set-up's save relies on.
#include "kiosk/core/config/file_marks.hpp"
#include "kiosk/core/config/loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > (1u << 16)) return 0; // a configuration is a few KiB
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto loaded = kiosk::config::load_config_text(text, "fuzz.toml");
    for (const auto& problem : loaded.problems)
        if (problem.message.empty() || problem.origin.empty()) std::abort();
    if (loaded.ok()) {
        if (kiosk::config::cut_short(text)) std::abort(); // a cut-short file never loads
        auto rendered = kiosk::config::to_toml(loaded.config);
        auto again = kiosk::config::load_config_text(rendered, "rendered.toml");
        if (!again.ok() || kiosk::config::to_toml(again.config) != rendered) std::abort();
    }
    return 0;
}
