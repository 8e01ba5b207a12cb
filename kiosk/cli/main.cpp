// kioskctl: the command-line face of the kiosk's core and drivers, for staff, maintainers and tests.
#include "kiosk/cli/cli_context.hpp"
#include "kiosk/cli/cmd_camera.hpp"
#include "kiosk/cli/cmd_catalog.hpp"
#include "kiosk/cli/cmd_config.hpp"
#include "kiosk/cli/cmd_counter.hpp"
#include "kiosk/cli/cmd_decode.hpp"
#include "kiosk/cli/cmd_dossier.hpp"
#include "kiosk/cli/cmd_health.hpp"
#include "kiosk/cli/cmd_parse.hpp"
#include "kiosk/cli/cmd_printers.hpp"
#include "kiosk/cli/cmd_queue.hpp"
#include "kiosk/cli/cmd_report.hpp"
#include "kiosk/cli/cmd_search.hpp"
#include "kiosk/cli/cmd_setup.hpp"
#include "kiosk/runtime/composition_root.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char* const usage =
    "usage: kioskctl [--config FILE] [--set key=value]... COMMAND [ARGS]\n"
    "commands:\n"
    "  config check FILE [--json]     validate a configuration file, print every problem\n"
    "  config show                    print the effective configuration (TOML)\n"
    "  parts                          the parts the configuration resolves to (JSON; same as kiosk "
    "--print-parts)\n"
    "  catalog stats [--json] [--file PATH] | catalog validate FILE [--json]\n"
    "  search \"QUERY\" [--json] [--limit N]   ranked procedures (code, name, level, field, score)\n"
    "  parse \"PAYLOAD\" [--json]      the dossier code in a QR payload or typed text, or why it is refused\n"
    "  dossier lookup CODE [--json] [--db PATH | --gateway URL --token T]   a dossier's status\n"
    "  dossier import CSV [--db PATH]  load dossiers into the local store\n"
    "  decode IMAGE [--json]          what codes an image holds (the kiosk's decoder)\n"
    "  camera-controls [DEVICE] [--json]   the camera's V4L2 controls (focus, exposure, ...)\n"
    "  printers [--json]              CUPS destinations with state and reasons\n"
    "  print-test [--png DIR | --cups DEST] [--paper 80|58]   print a sample ticket\n"
    "  queue call-next SERVICE --counter N [--json]   call the next ticket (priority first)\n"
    "  queue done TICKET | queue void TICKET --reason R | queue list [--day YYYY-MM-DD] [--json]\n"
    "  ticket issue SERVICE [--priority KIND] [--print] [--json]   take a number (same path as the screen)\n"
    "  health --url URL [--token T] [--ca FILE] [--json]   one kiosk's status, read over HTTP(S)\n"
    "  fleet FILE [--token T] [--ca FILE] [--json]   many kiosks in parallel (lines `URL [TOKEN]`), one line "
    "each\n"
    "  report --from DAY --to DAY [--service S] [--csv FILE] [--png FILE] [--pdf FILE]   office statistics "
    "and charts\n"
    "  rating demo-ticket SERVICE --at \"DAY HH:MM\" [--counter N] [--state issued|served]   a served ticket "
    "for tests/demos; prints its QR payload\n"
    "  setup set-pin | setup enable-first-run | setup status   staff set-up PIN (read from standard input)\n"
    "  counter set-pin N | counter pin-status N   counter console PIN (read from standard input)\n"
    "  --version                      print the version\n";

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string config_path;
    std::vector<std::string> overrides;
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--version") return std::printf("kioskctl %s\n", KIOSK_VERSION), 0;
        if (arg == "--help" || arg == "-h") return std::printf("%s", usage), 0;
        if ((arg == "--config" || arg == "--set") && i + 1 >= args.size())
            return std::fprintf(stderr, "kioskctl: %s needs a value\n", arg.c_str()), 2;
        if (arg == "--config")
            config_path = args[++i];
        else if (arg == "--set")
            overrides.push_back(args[++i]);
        else if (arg.rfind("--set=", 0) == 0)
            overrides.push_back(arg.substr(6));
        else
            break;
    }
    if (i >= args.size()) return std::fprintf(stderr, "%s", usage), 2;

    // The effective configuration and its parts, resolved exactly as the kiosk resolves them.
    auto resolved = kiosk::runtime::resolve_startup_config({config_path, overrides});
    for (const auto& problem : resolved.problems)
        std::fprintf(stderr, "kioskctl: config: %s\n", problem.to_string().c_str());
    if (!resolved.problems.empty())
        std::fprintf(stderr, "kioskctl: config: using %s\n", std::string(resolved.source_name()).c_str());
    const kiosk::runtime::CompositionRoot root(resolved.config, resolved.state_dir);
    auto translations = kiosk::i18n::Translator::load_dir(root.plan().paths.translations);
    kiosk::i18n::Translator translator;
    if (translations)
        translator = std::move(translations.value());
    else
        std::fprintf(stderr, "kioskctl: translations: %s\n", translations.error().message.c_str());

    std::string command = args[i++];
    std::string sub = i < args.size() ? args[i] : "";
    auto rest = [&](size_t skip) {
        return std::vector<std::string>(args.begin() + static_cast<long>(i + skip), args.end());
    };
    kiosk::cli::CliContext ctx{*resolved.config, root, translator, {}, std::cout, std::cerr};

    if (command == "parts") return std::printf("%s\n", kiosk::runtime::describe_plan(root.plan()).c_str()), 0;

    if (command == "config" && sub == "check")
        return ctx.args = rest(1), kiosk::cli::run_config_check(ctx, overrides);
    if (command == "config" && sub == "show") return ctx.args = rest(1), kiosk::cli::run_config_show(ctx);
    if (command == "catalog") return ctx.args = rest(0), kiosk::cli::run_catalog(ctx);
    if (command == "search") return ctx.args = rest(0), kiosk::cli::run_search(ctx);
    if (command == "parse") return ctx.args = rest(0), kiosk::cli::run_parse(ctx);
    if (command == "dossier") return ctx.args = rest(0), kiosk::cli::run_dossier(ctx);
    if (command == "decode") return ctx.args = rest(0), kiosk::cli::run_decode(ctx);
    if (command == "camera-controls") return ctx.args = rest(0), kiosk::cli::run_camera_controls(ctx);
    if (command == "printers") return ctx.args = rest(0), kiosk::cli::run_printers(ctx);
    if (command == "print-test") return ctx.args = rest(0), kiosk::cli::run_print_test(ctx);
    if (command == "queue") return ctx.args = rest(0), kiosk::cli::run_queue(ctx);
    if (command == "health") return ctx.args = rest(0), kiosk::cli::run_health(ctx);
    if (command == "fleet") return ctx.args = rest(0), kiosk::cli::run_fleet(ctx);
    if (command == "counter") return ctx.args = rest(0), kiosk::cli::run_counter(ctx);
    if (command == "ticket") return ctx.args = rest(0), kiosk::cli::run_ticket(ctx);
    if (command == "report") return ctx.args = rest(0), kiosk::cli::run_report(ctx);
    if (command == "rating") return ctx.args = rest(0), kiosk::cli::run_rating(ctx);
    if (command == "setup") return ctx.args = rest(0), kiosk::cli::run_setup(ctx);
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n%s", command.c_str(), usage);
    return 2;
}
