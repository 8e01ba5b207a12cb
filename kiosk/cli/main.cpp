// kioskctl: the command-line face of the kiosk's core and drivers, for staff, maintainers and tests.
#include "kiosk/cli/cli_context.hpp"
#include "kiosk/cli/cmd_config.hpp"
#include "kiosk/cli/cmd_queue.hpp"
#include "kiosk/core/config/last_good.hpp"

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
    "  queue call-next SERVICE --counter N [--json]   call the next ticket (priority first)\n"
    "  queue done TICKET | queue void TICKET --reason R | queue list [--day YYYY-MM-DD] [--json]\n"
    "  ticket issue SERVICE [--priority KIND] [--print] [--json]   take a number (same path as the screen)\n"
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

    // The effective configuration, as the kiosk would use it (problems are reported, defaults used).
    auto path = kiosk::config::config_path_for(config_path);
    auto loaded = kiosk::config::load_config_file(path, overrides);
    for (const auto& problem : loaded.problems)
        std::fprintf(stderr, "kioskctl: config: %s\n", problem.to_string().c_str());
    kiosk::config::Config config =
        loaded.ok() ? loaded.config : kiosk::config::load_config_text("", "--set", overrides).config;
    auto translations = kiosk::i18n::Translator::load_dir(kiosk::config::assets_dir_for(config) / "i18n");
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
    kiosk::cli::CliContext ctx{config, translator, {}, std::cout, std::cerr};

    if (command == "config" && sub == "check")
        return ctx.args = rest(1), kiosk::cli::run_config_check(ctx, overrides);
    if (command == "config" && sub == "show") return ctx.args = rest(1), kiosk::cli::run_config_show(ctx);
    if (command == "queue") return ctx.args = rest(0), kiosk::cli::run_queue(ctx);
    if (command == "ticket") return ctx.args = rest(0), kiosk::cli::run_ticket(ctx, {});
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n%s", command.c_str(), usage);
    return 2;
}
