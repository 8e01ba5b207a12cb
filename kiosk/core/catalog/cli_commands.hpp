#pragma once
// The work behind `kioskctl catalog stats|validate`, kept free of the CLI context so it is unit-tested
// directly. Output is for maintainers (plain English text or JSON), exit codes: 0 ok, 1 failure, 2 usage.
// It does not read configuration: the caller passes the default catalog path.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace kiosk::catalog {

// stats [--json] [--file PATH]: counts per level, field, channel kind, online level; totals; dates; sources.
[[nodiscard]] int catalog_stats_command(const std::vector<std::string>& args, std::ostream& out,
                                        std::ostream& err, const std::filesystem::path& default_file);
// validate FILE [--json]: every problem as "path: message" (or a JSON report); exit 1 if any.
[[nodiscard]] int catalog_validate_command(const std::vector<std::string>& args, std::ostream& out,
                                           std::ostream& err);

} // namespace kiosk::catalog
