#include "kiosk/cli/cmd_report.hpp"

#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/core/report/office_stats.hpp"
#include "kiosk/report/report_charts.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>

namespace kiosk::cli {
namespace {

// --name VALUE options and positional words; an unknown option or a missing value is a usage error.
struct Options {
    std::map<std::string, std::string> values;
    std::vector<std::string> positional;
};

std::optional<Options> parse(const std::vector<std::string>& words, const std::vector<std::string>& known,
                             std::ostream& err) {
    Options o;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.rfind("--", 0) != 0) {
            o.positional.push_back(w);
            continue;
        }
        if (std::find(known.begin(), known.end(), w) == known.end()) {
            err << "unknown option " << w << "\n";
            return std::nullopt;
        }
        if (i + 1 >= words.size()) {
            err << w << " needs a value\n";
            return std::nullopt;
        }
        o.values[w] = words[++i];
    }
    return o;
}

bool valid_day(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    int y = 0, m = 0, day = 0;
    if (std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3) return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                       std::chrono::day{unsigned(day)}}
        .ok();
}

// "YYYY-MM-DD HH:MM" in Vietnam time (UTC+7) → a UTC time point.
std::optional<queue::TimePoint> parse_local(const std::string& s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (s.size() != 16 || std::sscanf(s.c_str(), "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &h, &mi) != 5)
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                    std::chrono::day{unsigned(d)}};
    if (!ymd.ok() || h > 23 || mi > 59) return std::nullopt;
    auto local = std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi};
    return std::chrono::time_point_cast<std::chrono::milliseconds>(local - queue::kVietnamUtcOffset);
}

int fail(CliContext& ctx, const Error& e) {
    ctx.err << "kioskctl: " << e.kind << ": " << e.message << "\n";
    return 1;
}

} // namespace

int run_report(CliContext& ctx) {
    auto o = parse(ctx.args, {"--from", "--to", "--service", "--csv", "--png", "--pdf"}, ctx.err);
    if (!o || !o->positional.empty() || !o->values.count("--from") || !o->values.count("--to")) {
        ctx.err << "usage: kioskctl report --from YYYY-MM-DD --to YYYY-MM-DD [--service CODE] [--csv FILE] "
                   "[--png FILE] [--pdf FILE]\n";
        return 2;
    }
    report::StatsQuery q{{o->values["--from"]}, {o->values["--to"]}, o->values["--service"]};
    for (const auto& [name, day] : {std::pair{"--from", q.from.iso}, std::pair{"--to", q.to.iso}})
        if (!valid_day(day)) {
            ctx.err << name << " '" << day << "' is not a date (YYYY-MM-DD)\n";
            return 2;
        }
    if (q.to.iso < q.from.iso) {
        ctx.err << "--to " << q.to.iso << " is before --from " << q.from.iso << "\n";
        return 2;
    }
    if (!q.service.empty()) {
        auto services = queue::queue_services(ctx.config);
        if (!services || !queue::find_service(*services, q.service)) {
            ctx.err << "--service '" << q.service << "' is not a configured service\n";
            return 2;
        }
    }
    auto stores = ctx.root.open_rating_stats();
    if (!stores) return fail(ctx, stores.error());
    auto made = stores->stats->office_report(q);
    if (!made) return fail(ctx, made.error());
    const auto& report = *made;
    const std::string csv = report::report_csv(report);
    const auto csv_path = o->values["--csv"], png = o->values["--png"], pdf = o->values["--pdf"];
    if (!csv_path.empty()) {
        std::ofstream f(csv_path, std::ios::binary);
        f << csv;
        if (!f.flush()) return fail(ctx, make_error("report.write_failed", "cannot write " + csv_path));
    }
    if (!png.empty() || !pdf.empty()) {
        const auto lang = ctx.config.ui.language == "en" ? i18n::Lang::en : i18n::Lang::vi;
        if (auto st = report::draw_report(report, ctx.translator, lang, png, pdf); !st)
            return fail(ctx, st.error());
    }
    if (csv_path.empty() && png.empty() && pdf.empty()) ctx.out << csv;
    return 0;
}

int run_rating(CliContext& ctx) {
    auto o = parse(ctx.args, {"--counter", "--at", "--wait", "--serve", "--state"}, ctx.err);
    if (!o || o->positional.size() != 2 || o->positional[0] != "demo-ticket" || !o->values.count("--at")) {
        ctx.err << "usage: kioskctl rating demo-ticket SERVICE --at \"YYYY-MM-DD HH:MM\" [--counter N] "
                   "[--wait MIN] [--serve MIN] [--state issued|served]\n";
        return 2;
    }
    auto at = parse_local(o->values["--at"]);
    if (!at) {
        ctx.err << "--at '" << o->values["--at"] << "' is not \"YYYY-MM-DD HH:MM\"\n";
        return 2;
    }
    const std::string state = o->values.count("--state") ? o->values["--state"] : "served";
    if (state != "issued" && state != "served") {
        ctx.err << "--state '" << state << "' (expected issued or served)\n";
        return 2;
    }
    int counter = 1, wait = 10, serve = 5;
    try {
        if (o->values.count("--counter")) counter = std::stoi(o->values["--counter"]);
        if (o->values.count("--wait")) wait = std::stoi(o->values["--wait"]);
        if (o->values.count("--serve")) serve = std::stoi(o->values["--serve"]);
    } catch (const std::exception&) {
        ctx.err << "--counter, --wait and --serve take whole numbers\n";
        return 2;
    }
    auto services = queue::queue_services(ctx.config);
    if (!services) return fail(ctx, services.error());
    const auto* service = queue::find_service(*services, o->positional[1]);
    if (!service) {
        ctx.err << "'" << o->positional[1] << "' is not a configured service\n";
        return 2;
    }
    auto store = ctx.root.open_ticket_store();
    if (!store) return fail(ctx, store.error());
    auto ticket = (*store)->issue(*service, queue::PriorityKind::none, *at);
    if (!ticket) return fail(ctx, ticket.error());
    if (state == "served") {
        auto called = (*store)->call_next(service->code, counter, *at + std::chrono::minutes(wait));
        if (!called) return fail(ctx, called.error());
        if (!*called || (*called)->id != ticket->id)
            return fail(ctx,
                        make_error("queue.error.bad_state", "another ticket of " + service->code +
                                                                " was waiting before " + ticket->display));
        auto served = (*store)->done(ticket->id, *at + std::chrono::minutes(wait + serve));
        if (!served) return fail(ctx, served.error());
    }
    ctx.out << queue::ticket_qr_text(*ticket) << "\n";
    return 0;
}

} // namespace kiosk::cli
