#pragma once
// What every kioskctl sub-command receives: the effective configuration (file + --set overrides, resolved
// exactly as the kiosk does, last good configuration included), the composition root that turns it into
// parts (stores, sources, printer), translations, and its own arguments (after the sub-command name). Output
// goes to out/err; a sub-command returns the process exit code (0 ok, 1 failure, 2 usage error).

#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/runtime/composition_root.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace kiosk::cli {

struct CliContext {
    const config::Config& config;
    const runtime::CompositionRoot& root;
    const i18n::Translator& translator;
    std::vector<std::string> args; // arguments after the sub-command words
    std::ostream& out;
    std::ostream& err;
};

} // namespace kiosk::cli
