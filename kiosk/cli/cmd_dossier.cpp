#include "kiosk/cli/cmd_dossier.hpp"

#include "kiosk/core/dossier/name_mask.hpp"
#include "kiosk/core/dossier/status.hpp"
#include "kiosk/store/dossier_store_sqlite.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <ostream>

namespace kiosk::cli {
namespace {

using nlohmann::json;

struct Args {
    std::vector<std::string> positional;
    bool json = false;
    std::optional<std::string> db, gateway, token, lang;
};

std::optional<Args> parse_args(const std::vector<std::string>& words, std::ostream& err) {
    Args a;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        auto value = [&](std::optional<std::string>& slot) {
            if (i + 1 >= words.size()) return false;
            slot = words[++i];
            return true;
        };
        if (w == "--json") {
            a.json = true;
        } else if (w == "--db" || w == "--gateway" || w == "--token" || w == "--lang") {
            auto& slot = w == "--db"        ? a.db
                         : w == "--gateway" ? a.gateway
                         : w == "--token"   ? a.token
                                            : a.lang;
            if (!value(slot)) {
                err << w << " needs a value\n";
                return std::nullopt;
            }
        } else if (w.rfind("--", 0) == 0) {
            err << "unknown option " << w << "\n";
            return std::nullopt;
        } else {
            a.positional.push_back(w);
        }
    }
    return a;
}

std::filesystem::path db_path(const CliContext& ctx, const Args& a) {
    return a.db ? std::filesystem::path(*a.db) : ctx.root.plan().dossier.db;
}

std::string text_of(const i18n::Translator& tr, const dossier::Message& m, i18n::Lang lang) {
    if (m.args.empty()) return std::string(tr.tr(m.key, lang));
    return tr.format(m.key, lang, {m.args[0]});
}

json time_json(const std::optional<dossier::Seconds>& t) {
    return t ? json(dossier::format_vn_timestamp(*t)) : json(nullptr);
}

int usage(std::ostream& err) {
    err << "usage: kioskctl dossier lookup CODE [--json] [--lang vi|en] [--db PATH | --gateway URL [--token "
           "T]]\n"
           "       kioskctl dossier import CSV [--db PATH]\n";
    return 2;
}

int lookup(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return usage(ctx.err);
    i18n::Lang lang = i18n::Lang::vi;
    if (!i18n::parse_lang(a.lang.value_or(ctx.config.ui.language), lang)) {
        ctx.err << "--lang must be vi or en\n";
        return 2;
    }
    const auto fail = [&](const Error& e) {
        const std::string key =
            e.kind.rfind("dossier.", 0) == 0 ? e.kind : dossier::citizen_message_key(e.kind);
        const std::string message(ctx.translator.tr(key, lang));
        if (a.json)
            ctx.out << json{{"ok", false},
                            {"error_kind", e.kind},
                            {"message_key", key},
                            {"message", message},
                            {"detail", e.message}}
                           .dump(-1, ' ', false, json::error_handler_t::replace)
                    << "\n";
        else
            ctx.err << message << "\n(" << e.kind << ": " << e.message << ")\n";
        return 1;
    };
    const auto code = dossier::parse_dossier_code(a.positional[1]);
    if (!code) return fail(code.error());

    // The configured source, as the kiosk opens it; --db / --gateway / --token point it elsewhere.
    Result<std::shared_ptr<dossier::DossierSource>> source = make_error("config", "no dossier source");
    if (a.gateway || a.token) {
        auto adjusted = std::make_shared<config::Config>(ctx.config);
        adjusted->dossier.source = "gateway";
        if (a.gateway) adjusted->gateway.url = *a.gateway;
        if (a.token) adjusted->gateway.token = *a.token;
        source = runtime::CompositionRoot(adjusted, ctx.root.plan().paths.state).open_dossier_source();
    } else if (a.db) {
        source = ctx.root.open_dossier_db(*a.db, false);
    } else {
        source = ctx.root.open_dossier_source();
    }
    if (!source) return fail(source.error());
    const auto d = (*source)->lookup(*code);
    if (!d) return fail(d.error());

    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto deadline = dossier::deadline_of(*d, now);
    const std::string deadline_key = dossier::deadline_key(deadline);
    const std::string deadline_text =
        deadline_key.empty()
            ? ""
            : ctx.translator.format(deadline_key, lang, {std::to_string(deadline.days_late)});
    const auto next = dossier::next_step(*d, now);
    const std::string status_key = dossier::status_key(d->status);
    const std::string masked = dossier::mask_applicant_name(d->applicant_name);

    if (a.json) {
        json out{
            {"ok", true},
            {"code", d->code.str()},
            {"status", static_cast<int>(d->status)},
            {"status_key", status_key},
            {"status_text", ctx.translator.tr(status_key, lang)},
            {"procedure_code", d->procedure_code},
            {"procedure_name", d->procedure_name},
            {"applicant", masked},
            {"received_at", time_json(d->received_at)},
            {"appointment_at", time_json(d->appointment_at)},
            {"finished_at", time_json(d->finished_at)},
            {"deadline", {{"key", deadline_key}, {"days_late", deadline.days_late}, {"text", deadline_text}}},
            {"next_step",
             {{"key", next.key}, {"args", next.args}, {"text", text_of(ctx.translator, next, lang)}}},
            {"missing_documents", d->missing_documents},
            {"fee_vnd", d->fee_vnd ? json(*d->fee_vnd) : json(nullptr)}};
        ctx.out << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
        return 0;
    }
    const auto& tr = ctx.translator;
    ctx.out << tr.tr("dossier.label.code", lang) << ": " << d->code.str() << "\n";
    ctx.out << tr.tr("dossier.label.procedure", lang) << ": " << d->procedure_name << "\n";
    if (!masked.empty()) ctx.out << tr.tr("dossier.label.applicant", lang) << ": " << masked << "\n";
    ctx.out << tr.tr("dossier.label.status", lang) << ": " << tr.tr(status_key, lang) << "\n";
    if (d->received_at)
        ctx.out << tr.tr("dossier.label.received", lang) << ": " << dossier::format_vn_date(*d->received_at)
                << "\n";
    if (d->appointment_at) {
        ctx.out << tr.tr("dossier.label.appointment", lang) << ": "
                << dossier::format_vn_date(*d->appointment_at);
        if (!deadline_text.empty()) ctx.out << " (" << deadline_text << ")";
        ctx.out << "\n";
    }
    ctx.out << tr.tr("dossier.label.next_step", lang) << ": " << text_of(tr, next, lang) << "\n";
    return 0;
}

int import(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return usage(ctx.err);
    const auto path = db_path(ctx, a);
    auto store = ctx.root.open_dossier_store(path);
    if (!store) {
        ctx.err << store.error().message << "\n";
        return 1;
    }
    const auto n = (*store)->import_csv_file(a.positional[1]);
    if (!n) {
        ctx.err << "import failed, nothing was written: " << n.error().message << "\n";
        return 1;
    }
    if (a.json)
        ctx.out << json{{"ok", true}, {"imported", *n}, {"db", path.string()}}.dump() << "\n";
    else
        ctx.out << "imported " << *n << " dossier(s) into " << path.string() << "\n";
    return 0;
}

} // namespace

int run_dossier(CliContext& ctx) {
    const auto a = parse_args(ctx.args, ctx.err);
    if (!a || a->positional.empty()) return usage(ctx.err);
    if (a->positional[0] == "lookup") return lookup(ctx, *a);
    if (a->positional[0] == "import") return import(ctx, *a);
    return usage(ctx.err);
}

} // namespace kiosk::cli
