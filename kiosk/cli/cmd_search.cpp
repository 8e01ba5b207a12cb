#include "kiosk/cli/cmd_search.hpp"

#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/search/search_index.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>

namespace kiosk::cli {
namespace {

constexpr const char* kUsage =
    "usage: kioskctl search \"QUERY\" [--json] [--limit N] [--catalog PATH] [--synonyms PATH]\n";

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("not_found", "cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return make_error("io", "cannot read " + path);
    return ss.str();
}

std::string levels_text(const catalog::Procedure& p, const i18n::Translator& tr, i18n::Lang lang) {
    std::string out;
    for (catalog::Level l : p.levels) {
        if (!out.empty()) out += ", ";
        out += tr.tr(catalog::i18n_key(l), lang);
    }
    return out;
}

} // namespace

int run_search(CliContext& ctx) {
    std::string query;
    bool json = false, have_query = false;
    std::size_t limit = 10;
    std::string catalog_path = ctx.root.plan().catalog.bundled.string();
    std::string synonyms_path = ctx.root.plan().catalog.synonyms.string();
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const std::string& a = ctx.args[i];
        const bool has_value = i + 1 < ctx.args.size();
        if (a == "--json") {
            json = true;
        } else if (a == "--limit" && has_value) {
            const std::string& v = ctx.args[++i];
            unsigned long n = 0;
            const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc() || ptr != v.data() + v.size() || n < 1 || n > 1000) {
                ctx.err << "kioskctl search: --limit must be a number from 1 to 1000, got '" << v << "'\n"
                        << kUsage;
                return 2;
            }
            limit = n;
        } else if (a == "--catalog" && has_value) {
            catalog_path = ctx.args[++i];
        } else if (a == "--synonyms" && has_value) {
            synonyms_path = ctx.args[++i];
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            ctx.err << "kioskctl search: unknown or incomplete option '" << a << "'\n" << kUsage;
            return 2;
        } else if (!have_query) {
            query = a;
            have_query = true;
        } else {
            query += " " + a; // unquoted words: kioskctl search dang ky ket hon
        }
    }
    if (!have_query) {
        ctx.err << kUsage;
        return 2;
    }

    auto text = catalog::read_catalog_text(catalog_path);
    if (!text.ok()) {
        ctx.err << "kioskctl search: " << text.error().message << "\n";
        return 1;
    }
    auto cat = catalog::load_catalog(text.value());
    if (!cat.ok()) {
        ctx.err << "kioskctl search: " << catalog_path << ": " << cat.error().message << "\n";
        return 1;
    }
    auto syn_text = read_file(synonyms_path);
    if (!syn_text.ok()) {
        ctx.err << "kioskctl search: synonyms: " << syn_text.error().message << "\n";
        return 1;
    }
    auto synonyms = search::parse_synonyms(syn_text.value(), synonyms_path);
    if (!synonyms.ok()) {
        ctx.err << "kioskctl search: " << synonyms.error().message << "\n";
        return 1;
    }
    const catalog::Catalog& c = cat.value();
    const search::SearchIndex index = search::SearchIndex::build(c, synonyms.value());
    const auto hits = index.search(query, limit);

    i18n::Lang lang = i18n::Lang::vi;
    (void)i18n::parse_lang(ctx.config.ui.language, lang);

    if (json) {
        nlohmann::json results = nlohmann::json::array();
        for (std::size_t r = 0; r < hits.size(); ++r) {
            const catalog::Procedure& p = c.procedures[hits[r].procedure];
            nlohmann::json levels = nlohmann::json::array();
            for (catalog::Level l : p.levels)
                levels.push_back(std::string(catalog::to_string(l)));
            nlohmann::json spans = nlohmann::json::array();
            for (const auto& s : hits[r].name_spans)
                spans.push_back({s.begin, s.end});
            const catalog::Field* f = c.find_field(p.field);
            results.push_back({{"rank", r + 1},
                               {"code", p.code},
                               {"name", p.name},
                               {"levels", levels},
                               {"field", {{"id", p.field}, {"name", f ? f->name.vi : std::string()}}},
                               {"score", hits[r].score},
                               {"highlights", spans}});
        }
        const nlohmann::json doc = {{"query", query}, {"catalog", catalog_path}, {"results", results}};
        ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }

    if (hits.empty()) {
        ctx.out << "no procedure found for \"" << query << "\"\n";
        return 0;
    }
    for (std::size_t r = 0; r < hits.size(); ++r) {
        const catalog::Procedure& p = c.procedures[hits[r].procedure];
        const catalog::Field* f = c.find_field(p.field);
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", hits[r].score);
        ctx.out << (r + 1) << ". " << p.code << "  " << p.name << "\n    "
                << levels_text(p, ctx.translator, lang) << " | "
                << (f ? (lang == i18n::Lang::en && !f->name.en.empty() ? f->name.en : f->name.vi) : p.field)
                << " | score " << score << "\n";
    }
    return 0;
}

} // namespace kiosk::cli
