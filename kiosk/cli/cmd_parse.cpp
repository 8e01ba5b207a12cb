#include "kiosk/cli/cmd_parse.hpp"

#include "kiosk/core/dossier/qr_payload.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace kiosk::cli {

int run_parse(CliContext& ctx) {
    bool json = false;
    std::vector<std::string> positional;
    for (const auto& a : ctx.args) {
        if (a == "--json")
            json = true;
        else
            positional.push_back(a);
    }
    if (positional.size() != 1) {
        ctx.err << "usage: kioskctl parse \"PAYLOAD\" [--json]\n";
        return 2;
    }
    dossier::QrPolicy policy;
    policy.allowed_hosts = ctx.config.dossier.qr_allowed_hosts;
    policy.param_names = ctx.config.dossier.qr_param_names;
    const auto code = dossier::extract_dossier_code(positional[0], policy);
    if (code) {
        if (json) {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", code->year, code->month, code->day);
            ctx.out << nlohmann::json{{"ok", true},
                                      {"code", code->str()},
                                      {"unit", code->unit},
                                      {"received_date", date},
                                      {"sequence", code->sequence}}
                           .dump()
                    << "\n";
        } else {
            ctx.out << code->str() << "\n";
        }
        return 0;
    }
    const auto& e = code.error();
    const std::string message(ctx.translator.tr(e.kind, i18n::Lang::vi));
    if (json) {
        // The detail may quote invalid bytes from the payload; replace them so the JSON stays valid.
        ctx.out << nlohmann::json{{"ok", false},
                                  {"reason", e.kind},
                                  {"message", message},
                                  {"detail", e.message}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
        ctx.err << "rejected: " << e.kind << "\n" << message << "\ndetail: " << e.message << "\n";
    }
    return 1;
}

} // namespace kiosk::cli
