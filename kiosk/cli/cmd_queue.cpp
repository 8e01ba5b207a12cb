#include "kiosk/cli/cmd_queue.hpp"

#include "kiosk/core/dossier/vn_time.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/core/queue/ticket_print_layout.hpp"
#include "kiosk/core/queue/wait_estimate.hpp"
#include "kiosk/runtime/counter_parts.hpp"
#include "kiosk/runtime/queue_print.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <ostream>

namespace kiosk::cli {
namespace {

using nlohmann::json;
using namespace kiosk::queue;

struct Args {
    std::vector<std::string> positional;
    bool json = false, print = false;
    std::optional<std::string> db, counter, reason, priority, day, to, at;
};

std::optional<Args> parse_args(const std::vector<std::string>& words, std::ostream& err) {
    Args a;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        std::optional<std::string>* slot = w == "--db"         ? &a.db
                                           : w == "--counter"  ? &a.counter
                                           : w == "--reason"   ? &a.reason
                                           : w == "--priority" ? &a.priority
                                           : w == "--day"      ? &a.day
                                           : w == "--to"       ? &a.to
                                           : w == "--at"       ? &a.at
                                                               : nullptr;
        if (w == "--json")
            a.json = true;
        else if (w == "--print")
            a.print = true;
        else if (slot) {
            if (i + 1 >= words.size()) {
                err << w << " needs a value\n";
                return std::nullopt;
            }
            *slot = words[++i];
        } else if (w.rfind("--", 0) == 0) {
            err << "unknown option " << w << "\n";
            return std::nullopt;
        } else
            a.positional.push_back(w);
    }
    return a;
}

std::optional<long long> to_int(const std::string& s) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

i18n::Lang lang_of(const CliContext& ctx) {
    i18n::Lang lang = i18n::Lang::vi;
    (void)i18n::parse_lang(ctx.config.ui.language, lang);
    return lang;
}

int fail(CliContext& ctx, const Error& e) {
    ctx.err << ctx.translator.tr(e.kind, lang_of(ctx)) << " [" << e.kind << "]\n  " << e.message << "\n";
    return 1;
}

json to_json(const Ticket& t) {
    auto ms = [](const std::optional<TimePoint>& p) { return p ? json(to_unix_ms(*p)) : json(nullptr); };
    return json{{"id", t.id},
                {"office", t.office},
                {"service", t.service},
                {"day", t.day.iso},
                {"number", t.number},
                {"display", t.display},
                {"priority", std::string(to_string(t.priority))},
                {"state", std::string(to_string(t.state))},
                {"issued_at_ms", to_unix_ms(t.issued_at)},
                {"printed_at_ms", ms(t.printed_at)},
                {"called_at_ms", ms(t.called_at)},
                {"served_at_ms", ms(t.served_at)},
                {"voided_at_ms", ms(t.voided_at)},
                {"counter", t.counter ? json(*t.counter) : json(nullptr)},
                {"note", t.note}};
}

void print_line(std::ostream& out, const Ticket& t) {
    out << t.display << "  id=" << t.id << "  " << t.service << "  " << to_string(t.state);
    if (t.priority != PriorityKind::none) out << "  priority=" << to_string(t.priority);
    if (t.counter) out << "  counter=" << *t.counter;
    if (!t.note.empty()) out << "  (" << t.note << ")";
    out << "\n";
}

// The configured ticket store, as the kiosk opens it; --db PATH points at another SQLite file.
Result<std::shared_ptr<TicketStore>> open_store(const CliContext& ctx, const Args& a) {
    if (!a.db) return ctx.root.open_ticket_store();
    auto adjusted = std::make_shared<config::Config>(ctx.config);
    adjusted->queue.store = "sqlite";
    adjusted->queue.sqlite_path = *a.db;
    return runtime::CompositionRoot(adjusted, ctx.root.plan().paths.state).open_ticket_store();
}

// --at yyyyMMddHHmmss (Vietnam time): act as if it were then (replays, reproducible test data); else now.
Result<TimePoint> when(const Args& a) {
    if (!a.at) return now_ms();
    auto t = dossier::parse_vn_timestamp(*a.at);
    if (!t) return make_error("cli.bad_time", "--at: " + t.error().message);
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(t->time_since_epoch()));
}

// The counter desk on the same database (the console's operations), honouring --db like open_store.
Result<std::unique_ptr<CounterDesk>> open_desk(const CliContext& ctx, const Args& a) {
    if (!a.db) return runtime::open_counter_desk(ctx.root.plan(), ctx.config);
    auto adjusted = std::make_shared<config::Config>(ctx.config);
    adjusted->queue.store = "sqlite";
    adjusted->queue.sqlite_path = *a.db;
    return runtime::open_counter_desk(runtime::CompositionRoot(adjusted, ctx.root.plan().paths.state).plan(),
                                      *adjusted);
}

// "HT,CT" → {"HT", "CT"}.
std::vector<std::string> split_services(const std::string& list) {
    std::vector<std::string> out;
    std::string item;
    for (char c : list + ",") {
        if (c != ',') {
            item += c;
        } else if (!item.empty()) {
            out.push_back(item);
            item.clear();
        }
    }
    return out;
}

// TICKET as a store id or as today's display text ("A015").
Result<Ticket> resolve(TicketStore& store, const std::string& word, TimePoint now) {
    if (auto id = to_int(word)) return store.get(*id);
    return store.find(store.day_of(now), word);
}

int usage(CliContext& ctx) {
    ctx.err
        << "usage: kioskctl queue call-next SERVICE[,SERVICE…] --counter N [--json]\n"
           "       kioskctl queue done|recall|skip TICKET\n"
           "       kioskctl queue return TICKET            (a skipped ticket, within the return window)\n"
           "       kioskctl queue transfer TICKET --to SERVICE\n"
           "       kioskctl queue pause|resume --counter N\n"
           "       kioskctl queue list [--day YYYY-MM-DD] [--json]\n"
           "       kioskctl queue void TICKET --reason R\n"
           "       (all: [--db PATH] to use that SQLite file, [--at yyyyMMddHHmmss] to act at that Vietnam "
           "time)\n";
    return 2;
}

} // namespace

int run_queue(CliContext& ctx) {
    auto a = parse_args(ctx.args, ctx.err);
    if (!a || a->positional.empty()) return usage(ctx);
    const std::string sub = a->positional[0];
    const auto at = when(*a);
    if (!at) return fail(ctx, at.error());
    const auto now = *at;
    auto opened = open_store(ctx, *a);
    if (!opened) return fail(ctx, opened.error());
    auto& store = **opened;

    // The counter operations: the same CounterDesk code as the counter console.
    if (sub == "call-next" || sub == "done" || sub == "recall" || sub == "skip" || sub == "return" ||
        sub == "transfer" || sub == "pause" || sub == "resume") {
        auto desk = open_desk(ctx, *a);
        if (!desk) return fail(ctx, desk.error());
        // A counter number is positive; 0 = missing or not a number.
        const long long counter = a->counter ? std::max(0LL, to_int(*a->counter).value_or(0)) : 0;
        auto show = [&](const Ticket& t) {
            a->json ? void(ctx.out << to_json(t).dump(2) << "\n") : print_line(ctx.out, t);
            return 0;
        };
        if (sub == "call-next") {
            if (a->positional.size() != 2 || !counter) return usage(ctx);
            auto r = (*desk)->call_next(int(counter), split_services(a->positional[1]), now);
            if (!r) return fail(ctx, r.error());
            if (a->json)
                ctx.out << (r->has_value() ? to_json(**r) : json(nullptr)).dump(2) << "\n";
            else if (r->has_value())
                print_line(ctx.out, **r);
            else
                ctx.out << ctx.translator.tr("queue.none_waiting", lang_of(ctx)) << "\n";
            return 0;
        }
        if (sub == "pause" || sub == "resume") {
            if (a->positional.size() != 1 || !counter) return usage(ctx);
            if (auto st = (*desk)->set_paused(int(counter), sub == "pause", now); !st)
                return fail(ctx, st.error());
            return 0;
        }
        if (a->positional.size() != 2 || (sub == "transfer" && !a->to)) return usage(ctx);
        auto t = resolve(store, a->positional[1], now);
        if (!t) return fail(ctx, t.error());
        const int at = t->counter.value_or(0); // acts as the counter that called it
        auto r = sub == "done"     ? (*desk)->serve(at, t->id, now)
                 : sub == "recall" ? (*desk)->recall(at, t->id, now)
                 : sub == "skip"   ? (*desk)->skip(at, t->id, now)
                 : sub == "return" ? (*desk)->return_skipped(t->id, now)
                                   : (*desk)->transfer(at, t->id, *a->to, now);
        if (!r) return fail(ctx, r.error());
        return show(*r);
    }
    if (sub == "void") {
        if (a->positional.size() != 2 || !a->reason) return usage(ctx);
        auto t = resolve(store, a->positional[1], now);
        if (!t) return fail(ctx, t.error());
        if (auto st = store.void_ticket(t->id, *a->reason, now); !st) return fail(ctx, st.error());
        auto r = store.get(t->id);
        if (!r) return fail(ctx, r.error());
        a->json ? void(ctx.out << to_json(*r).dump(2) << "\n") : print_line(ctx.out, *r);
        return 0;
    }
    if (sub == "list") {
        if (a->positional.size() != 1) return usage(ctx);
        const OfficeDay day = a->day ? OfficeDay{*a->day} : store.day_of(now);
        auto r = store.list(day);
        if (!r) return fail(ctx, r.error());
        if (a->json) {
            json arr = json::array();
            for (auto& t : *r)
                arr.push_back(to_json(t));
            ctx.out << json{{"day", day.iso}, {"tickets", arr}}.dump(2) << "\n";
        } else {
            for (auto& t : *r)
                print_line(ctx.out, t);
        }
        return 0;
    }
    return usage(ctx);
}

namespace {

// The configured printer, as the kiosk opens it.
Result<std::shared_ptr<printer::LayoutPrinter>> open_printer(const CliContext& ctx) {
    auto made = ctx.root.printer();
    if (!made) return make_error("queue.error.no_printer", made.error().message);
    return made.value();
}

// Prints `t` with the screen's layout and print step; the outcome in the issuer's terms.
PrintOutcome print_ticket(const CliContext& ctx, printer::LayoutPrinter& out, TicketStore& store,
                          const Ticket& t, const Service& service) {
    return runtime::print_queue_ticket(out, store, t, service, ctx.config, ctx.translator, lang_of(ctx))
        .issuer;
}

// `ticket reprint TICKET`: a ticket whose print failed (or was lost) is printed again and its state recorded.
int run_reprint(CliContext& ctx, const Args& a) {
    auto services = queue_services(ctx.config);
    if (!services) return fail(ctx, services.error());
    auto opened = open_store(ctx, a);
    if (!opened) return fail(ctx, opened.error());
    TicketStore& store = **opened;
    auto ticket = resolve(store, a.positional[1], now_ms());
    if (!ticket) return fail(ctx, ticket.error());
    if (ticket->state == TicketState::voided || ticket->state == TicketState::served)
        return fail(ctx, make_error("queue.error.bad_state", "ticket " + ticket->display + " is " +
                                                                 std::string(to_string(ticket->state))));
    const Service* service = find_service(*services, ticket->service);
    if (!service)
        return fail(ctx, make_error("queue.error.unknown_service",
                                    "no service '" + ticket->service + "' configured"));
    auto out = open_printer(ctx);
    if (!out) return fail(ctx, out.error());
    auto printed = print_ticket(ctx, **out, store, *ticket, *service);
    auto now = now_ms();
    auto recorded = printed.ok ? store.mark_printed(ticket->id, now)
                               : store.mark_print_failed(ticket->id, printed.reason, now);
    auto after = store.get(ticket->id);
    if (a.json) {
        json j = after ? to_json(*after) : to_json(*ticket);
        j["printed"] = printed.ok;
        j["print_error"] = printed.reason;
        j["record_warning"] = recorded ? "" : recorded.error().message;
        ctx.out << j.dump(2) << "\n";
    } else {
        print_line(ctx.out, after ? *after : *ticket);
        if (!printed.ok)
            ctx.err << ctx.translator.tr("queue.error.print_failed", lang_of(ctx)) << ": " << printed.reason
                    << "\n";
    }
    return printed.ok ? 0 : 1;
}

} // namespace

int run_ticket(CliContext& ctx) {
    auto a = parse_args(ctx.args, ctx.err);
    if (a && a->positional.size() == 2 && a->positional[0] == "reprint") return run_reprint(ctx, *a);
    if (!a || a->positional.size() != 2 || a->positional[0] != "issue") {
        ctx.err << "usage: kioskctl ticket issue SERVICE [--priority KIND] [--print] [--json] [--db PATH]\n"
                   "       kioskctl ticket reprint TICKET [--json] [--db PATH]   (TICKET: id or today's "
                   "\"A015\")\n"
                   "       KIND: elderly | disability | pregnant | merit | other\n";
        return 2;
    }
    PriorityKind priority = PriorityKind::none;
    if (a->priority && (!parse_priority(*a->priority, priority) || priority == PriorityKind::none)) {
        ctx.err << "unknown priority kind '" << *a->priority << "'\n";
        return 2;
    }
    auto services = queue_services(ctx.config);
    if (!services) return fail(ctx, services.error());
    const Service* service = find_service(*services, a->positional[1]);
    if (!service)
        return fail(ctx, make_error("queue.error.unknown_service",
                                    "no service '" + a->positional[1] + "' configured"));
    auto opened = open_store(ctx, *a);
    if (!opened) return fail(ctx, opened.error());
    // --print: the same printer, layout and order (record, then print, then record the outcome) as the
    // screen.
    std::shared_ptr<printer::LayoutPrinter> ticket_printer;
    if (a->print) {
        auto made = open_printer(ctx);
        if (!made) return fail(ctx, made.error());
        ticket_printer = std::move(made.value());
    }
    TicketStore& store = **opened;
    PrintFn print = [&](const Ticket& t) { return print_ticket(ctx, *ticket_printer, store, t, *service); };

    TicketIssuer issuer(store, a->print ? print : PrintFn{});
    const auto at = when(*a);
    if (!at) return fail(ctx, at.error());
    auto r = issuer.issue(*service, priority, *at);
    if (!r) return fail(ctx, r.error());
    if (a->json) {
        json j = to_json(r->ticket);
        j["printed"] = a->print && r->printed;
        j["print_error"] = r->print_error;
        j["record_warning"] = r->record_warning;
        ctx.out << j.dump(2) << "\n";
    } else {
        print_line(ctx.out, r->ticket);
        if (!r->print_error.empty())
            ctx.err << ctx.translator.tr("queue.error.print_failed", lang_of(ctx)) << ": " << r->print_error
                    << "\n";
        if (!r->record_warning.empty()) ctx.err << r->record_warning << "\n";
    }
    return a->print && !r->printed ? 1 : 0;
}

} // namespace kiosk::cli
