#include "kiosk/core/catalog/cli_commands.hpp"

#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/catalog/stats.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace kiosk::catalog {

namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

void print_stats(const CatalogStats& stats, const std::filesystem::path& file, std::ostream& out) {
    const auto row = [&](const char* label, const std::string& value) {
        out << std::left << std::setw(18) << label << value << "\n";
    };
    row("file", file.string());
    row("format", stats.format);
    row("title", stats.title);
    row("generated", stats.generated);
    row("sources", std::to_string(stats.sources));
    row("units", std::to_string(stats.units));
    row("fields", std::to_string(stats.fields));
    row("procedures", std::to_string(stats.procedures));
    row("documents", std::to_string(stats.documents));
    row("checked", stats.oldest_checked + " .. " + stats.newest_checked);
    out << "per level:\n";
    for (Level level : kAllLevels)
        if (level != Level::district || stats.per_level[static_cast<int>(level)] > 0)
            out << "  " << std::setw(16) << to_string(level) << stats.per_level[static_cast<int>(level)]
                << "\n";
    out << "  " << std::setw(16) << "unconfirmed" << stats.level_unconfirmed << "\n";
    row("level changed", std::to_string(stats.level_changed) + " since 07/2025");
    out << "per online level:\n";
    for (OnlineLevel level : kAllOnlineLevels)
        out << "  " << std::setw(16) << to_string(level) << stats.per_online_level[static_cast<int>(level)]
            << "\n";
    out << "per channel kind:\n";
    for (ChannelKind kind : kAllChannelKinds)
        out << "  " << std::setw(16) << to_string(kind) << stats.per_channel_kind[static_cast<int>(kind)]
            << "\n";
    out << "per field:\n";
    for (const auto& field : stats.per_field)
        out << "  " << std::setw(28) << field.id << std::right << std::setw(5) << field.procedures
            << std::left << "  " << field.name.vi << "\n";
}

} // namespace

int catalog_stats_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                          const std::filesystem::path& default_file) {
    bool json = false;
    std::filesystem::path file = default_file;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") {
            json = true;
        } else if (args[i] == "--file" && i + 1 < args.size()) {
            file = args[++i];
        } else {
            err << "usage: kioskctl catalog stats [--json] [--file PATH]\n"
                << "unexpected argument: " << args[i] << "\n";
            return 2;
        }
    }
    LoadReport report;
    auto catalog = load_catalog_file(file, &report);
    if (!catalog) {
        err << "cannot load catalog " << file.string() << ": " << catalog.error().message << "\n";
        return 1;
    }
    const CatalogStats stats = compute_stats(*catalog);
    if (json)
        out << stats_to_json(stats) << "\n";
    else
        print_stats(stats, file, out);
    return 0;
}

int catalog_validate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool json = false;
    std::string file;
    for (const auto& arg : args) {
        if (arg == "--json") {
            json = true;
        } else if (file.empty() && !arg.empty() && arg[0] != '-') {
            file = arg;
        } else {
            err << "usage: kioskctl catalog validate FILE [--json]\nunexpected argument: " << arg << "\n";
            return 2;
        }
    }
    if (file.empty()) {
        err << "usage: kioskctl catalog validate FILE [--json]\n";
        return 2;
    }
    auto text = read_catalog_text(file);
    LoadReport report;
    std::size_t procedures = 0;
    if (!text) {
        report.problems.push_back(Problem{"$", text.error().message});
    } else if (auto catalog = load_catalog(*text, report)) {
        procedures = catalog->procedures.size();
    }
    if (json) {
        nlohmann::ordered_json doc;
        doc["file"] = file;
        doc["ok"] = report.ok();
        doc["procedures"] = procedures;
        doc["problem_count"] = report.total();
        doc["problems"] = nlohmann::ordered_json::array();
        for (const auto& problem : report.problems)
            doc["problems"].push_back({{"path", problem.path}, {"message", problem.message}});
        out << doc.dump(2, ' ', false, kReplace) << "\n";
    } else {
        for (const auto& problem : report.problems)
            out << problem.to_string() << "\n";
        if (report.suppressed) out << "... and " << report.suppressed << " more problems not listed\n";
        if (report.ok())
            out << file << ": OK, " << procedures << (procedures == 1 ? " procedure\n" : " procedures\n");
        else
            out << file << ": " << report.total() << (report.total() == 1 ? " problem" : " problems") << "\n";
    }
    return report.ok() ? 0 : 1;
}

} // namespace kiosk::catalog
