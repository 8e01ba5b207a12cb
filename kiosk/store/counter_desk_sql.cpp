#include "kiosk/store/counter_desk_sql.hpp"

#include "kiosk/core/queue/ticket_row.hpp"
#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/store/counter_desk_sql_impl.hpp"

#include <algorithm>
#include <map>

namespace kiosk::store {

using namespace kiosk::queue;

namespace {

constexpr const char* kWaiting = "('issued','printed','print_failed')";

std::string num(long long v) {
    return std::to_string(v);
}

// kTicketColumns with a table alias: "t.id, t.office, …".
std::string ticket_columns(const std::string& alias) {
    std::string out, col;
    std::string cols = kTicketColumns;
    cols += ',';
    for (char c : cols) {
        if (c == ',') {
            out += (out.empty() ? "" : ", ") + alias + "." + col;
            col.clear();
        } else if (c != ' ') {
            col += c;
        }
    }
    return out;
}

// Ticket columns, then the service it waits for now (transfers) and its skip time.
std::string ticket_select() {
    return "SELECT " + ticket_columns("t") +
           ", COALESCE(f.service, t.service), f.skipped_at FROM queue_ticket t LEFT JOIN queue_flow f ON "
           "f.ticket_id = t.id ";
}
constexpr int kTicketSelectColumns = kTicketColumnCount + 2;

Result<WaitingTicket> waiting_from_row(const SqlRow& row) {
    TicketRow t;
    for (int i = 0; i < kTicketColumnCount; ++i)
        t[i] = row[static_cast<std::size_t>(i)];
    auto ticket = ticket_from_row(t);
    if (!ticket) return ticket.error();
    WaitingTicket w{std::move(*ticket), std::nullopt};
    if (const auto& s = row[kTicketColumnCount]) w.ticket.service = *s;
    if (const auto& at = row[kTicketColumnCount + 1]) w.skipped_at = from_unix_ms(std::stoll(*at));
    return w;
}

} // namespace

SqlCounterDesk::SqlCounterDesk(std::unique_ptr<SqlSession> session, CounterDeskTarget target)
    : session_(std::move(session)), target_(std::move(target)) {}

Status SqlCounterDesk::create_schema() {
    std::lock_guard lock(mutex_);
    return in_transaction("create counter tables", [&]() -> Status {
        auto r = session_->query(session_->schema_sql(), {}, 0);
        if (!r) return r.error();
        return Ok{};
    });
}

OfficeDay SqlCounterDesk::day_of(TimePoint now) const {
    return office_day(now, target_.day_reset_minute);
}

Result<WaitingTicket> SqlCounterDesk::load(std::int64_t id) {
    auto rows = session_->query(ticket_select() + "WHERE t.id = ?1", {num(id)}, kTicketSelectColumns);
    if (!rows) return rows.error();
    if (rows->empty()) return make_error(kErrNotFound, "ticket " + num(id) + " does not exist");
    return waiting_from_row(rows->front());
}

Status SqlCounterDesk::record(const OfficeDay& day, std::optional<std::int64_t> ticket,
                              const std::string& kind, std::optional<int> counter, TimePoint now,
                              const std::string& detail) {
    auto r = session_->query("INSERT INTO queue_event (office, day, ticket_id, kind, counter, at, detail) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             {target_.office, day.iso, ticket ? SqlValue(num(*ticket)) : std::nullopt, kind,
                              counter ? SqlValue(num(*counter)) : std::nullopt, num(to_unix_ms(now)), detail},
                             0);
    if (!r) return r.error();
    if (const auto n = session_->notify_sql(); !n.empty()) {
        auto w = session_->query(n, {target_.office}, 0);
        if (!w) return w.error();
    }
    return Ok{};
}

Status SqlCounterDesk::set_current(int counter, std::optional<std::int64_t> ticket, TimePoint now) {
    auto r = session_->query(
        "INSERT INTO queue_desk (office, counter, paused, current_ticket, since) VALUES (?1, ?2, 0, ?3, ?4) "
        "ON CONFLICT (office, counter) DO UPDATE SET current_ticket = excluded.current_ticket, since = "
        "excluded.since",
        {target_.office, num(counter), ticket ? SqlValue(num(*ticket)) : std::nullopt, num(to_unix_ms(now))},
        0);
    if (!r) return r.error();
    return Ok{};
}

Result<double> SqlCounterDesk::place_key(const std::string& service, int series, const OfficeDay& day,
                                         TransferPosition position) {
    // Front: before every waiting ticket of that service and series; back: after every ticket of the day
    // (new tickets have larger ids, so they still line up behind it).
    const std::string sql =
        position == TransferPosition::front
            ? std::string(
                  "SELECT MIN(COALESCE(f.sort_key, t.id)) FROM queue_ticket t LEFT JOIN queue_flow f ON "
                  "f.ticket_id = t.id WHERE t.office = ?1 AND t.day = ?2 AND t.series = ?3 AND "
                  "COALESCE(f.service, t.service) = ?4 AND t.state IN ") +
                  kWaiting
            : std::string(
                  "SELECT MAX(COALESCE(f.sort_key, t.id)) FROM queue_ticket t LEFT JOIN queue_flow f ON "
                  "f.ticket_id = t.id WHERE t.office = ?1 AND t.day = ?2 AND t.series = ?3");
    std::vector<SqlValue> params{target_.office, day.iso, num(series)};
    if (position == TransferPosition::front) params.push_back(service);
    auto rows = session_->query(sql, params, 1);
    if (!rows) return rows.error();
    const auto& v = rows->empty() ? SqlValue{} : rows->front()[0];
    if (!v) return position == TransferPosition::front ? 0.0 : 1.0;
    const double key = std::stod(*v);
    return position == TransferPosition::front ? key - 1.0 : key + 0.5;
}

Status SqlCounterDesk::move_ticket(std::int64_t id, const std::string& service, double key,
                                   std::optional<TimePoint> skipped_at) {
    auto r = session_->query(
        "INSERT INTO queue_flow (ticket_id, service, sort_key, skipped_at) VALUES (?1, ?2, ?3, ?4) ON "
        "CONFLICT "
        "(ticket_id) DO UPDATE SET service = excluded.service, sort_key = excluded.sort_key, skipped_at = "
        "excluded.skipped_at",
        {num(id), service, std::to_string(key),
         skipped_at ? SqlValue(num(to_unix_ms(*skipped_at))) : std::nullopt},
        0);
    if (!r) return r.error();
    return Ok{};
}

Result<std::optional<std::int64_t>> SqlCounterDesk::pick(const std::vector<std::string>& services, int series,
                                                         const OfficeDay& day) {
    std::vector<SqlValue> params{target_.office, day.iso, num(series)};
    std::string in;
    for (const auto& s : services) {
        params.push_back(s);
        in += (in.empty() ? "?" : ", ?") + num(static_cast<long long>(params.size()));
    }
    auto rows = session_->query(
        std::string(
            "SELECT t.id FROM queue_ticket t LEFT JOIN queue_flow f ON f.ticket_id = t.id WHERE t.office "
            "= ?1 AND t.day = ?2 AND t.series = ?3 AND t.state IN ") +
            kWaiting + " AND COALESCE(f.service, t.service) IN (" + in +
            ") ORDER BY COALESCE(f.sort_key, t.id), t.id LIMIT 1" + session_->lock_clause(),
        params, 1);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>(std::stoll(*rows->front()[0]));
}

Result<std::optional<Ticket>> SqlCounterDesk::call_next(int counter, const std::vector<std::string>& services,
                                                        TimePoint now) {
    if (services.empty()) return make_error(kErrBadState, "counter " + num(counter) + " serves no service");
    std::lock_guard lock(mutex_);
    const auto day = day_of(now);
    return in_transaction("call next at counter " + num(counter), [&]() -> Result<std::optional<Ticket>> {
        // The counter's current ticket is finished by calling the next one.
        if (auto st = finish_current(counter, day, now); !st) return st.error();
        bool priority_first = true;
        long long run = 0;
        if (target_.desk.policy == PriorityPolicy::interleave) {
            // The office-wide count of regular calls since the last priority call; its row lock orders
            // concurrent calls on PostgreSQL (SQLite's BEGIN IMMEDIATE already does).
            auto ins =
                session_->query("INSERT INTO queue_policy (office, day, regular_run) VALUES (?1, ?2, 0) "
                                "ON CONFLICT (office, day) DO NOTHING",
                                {target_.office, day.iso}, 0);
            if (!ins) return ins.error();
            auto rows =
                session_->query("SELECT regular_run FROM queue_policy WHERE office = ?1 AND day = ?2" +
                                    std::string(session_->lock_clause().empty() ? "" : " FOR UPDATE"),
                                {target_.office, day.iso}, 1);
            if (!rows) return rows.error();
            run = rows->empty() ? 0 : std::stoll(rows->front()[0].value_or("0"));
            priority_first = run >= target_.desk.regular_per_priority;
        }
        auto picked = pick(services, priority_first ? 1 : 0, day);
        if (!picked) return picked.error();
        int series = priority_first ? 1 : 0;
        if (!*picked) {
            series = 1 - series;
            picked = pick(services, series, day);
            if (!picked) return picked.error();
        }
        if (!*picked) {
            if (auto st = set_current(counter, std::nullopt, now); !st) return st.error();
            return std::optional<Ticket>{};
        }
        const auto id = **picked;
        auto upd = session_->query("UPDATE queue_ticket SET state = 'called', counter = ?1, called_at = ?2 "
                                   "WHERE id = ?3 AND state IN " +
                                       std::string(kWaiting),
                                   {num(counter), num(to_unix_ms(now)), num(id)}, 0);
        if (!upd) return upd.error();
        if (target_.desk.policy == PriorityPolicy::interleave) {
            auto st =
                session_->query("UPDATE queue_policy SET regular_run = ?3 WHERE office = ?1 AND day = ?2",
                                {target_.office, day.iso, num(series == 1 ? 0 : run + 1)}, 0);
            if (!st) return st.error();
        }
        if (auto st = set_current(counter, id, now); !st) return st.error();
        if (auto st = record(day, id, "call", counter, now, ""); !st) return st.error();
        auto t = load(id);
        if (!t) return t.error();
        if (t->ticket.state != TicketState::called || t->ticket.counter != counter)
            return make_error(kErrStore, "call next: ticket " + t->ticket.display + " was not called");
        return std::optional<Ticket>(std::move(t->ticket));
    });
}

Status SqlCounterDesk::finish_current(int counter, const OfficeDay& day, TimePoint now) {
    auto rows = session_->query("SELECT current_ticket FROM queue_desk WHERE office = ?1 AND counter = ?2",
                                {target_.office, num(counter)}, 1);
    if (!rows) return rows.error();
    if (rows->empty() || !rows->front()[0]) return Ok{};
    const auto id = std::stoll(*rows->front()[0]);
    auto done = session_->query("UPDATE queue_ticket SET state = 'served', served_at = ?1 WHERE id = ?2 AND "
                                "state = 'called' AND counter = ?3 RETURNING id",
                                {num(to_unix_ms(now)), num(id), num(counter)}, 1);
    if (!done) return done.error();
    if (done->empty()) return Ok{}; // already served, skipped or transferred
    return record(day, id, "served", counter, now, "");
}

// The ticket must be the one called at `counter`; returns it.
Result<WaitingTicket> SqlCounterDesk::called_here(int counter, std::int64_t id, const std::string& what) {
    auto t = load(id);
    if (!t) return t.error();
    if (t->ticket.office != target_.office)
        return make_error(kErrNotFound, what + ": ticket " + num(id) + " belongs to another office");
    if (t->ticket.state != TicketState::called || t->ticket.counter != counter)
        return make_error(kErrBadState, what + ": ticket " + t->ticket.display + " is " +
                                            std::string(to_string(t->ticket.state)) +
                                            ", not called at counter " + num(counter));
    return t;
}

Result<Ticket> SqlCounterDesk::recall(int counter, std::int64_t id, TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("recall", [&]() -> Result<Ticket> {
        auto t = called_here(counter, id, "recall");
        if (!t) return t.error();
        if (auto st = record(t->ticket.day, id, "recall", counter, now, ""); !st) return st.error();
        return t->ticket;
    });
}

Result<Ticket> SqlCounterDesk::skip(int counter, std::int64_t id, TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("skip", [&]() -> Result<Ticket> {
        auto t = called_here(counter, id, "skip");
        if (!t) return t.error();
        auto upd = session_->query(
            "UPDATE queue_ticket SET state = 'skipped' WHERE id = ?1 AND state = 'called'", {num(id)}, 0);
        if (!upd) return upd.error();
        auto key = place_key(t->ticket.service, static_cast<int>(t->ticket.series), t->ticket.day,
                             TransferPosition::front);
        if (!key) return key.error();
        if (auto st = move_ticket(id, t->ticket.service, *key, now); !st) return st.error();
        if (auto st = set_current(counter, std::nullopt, now); !st) return st.error();
        if (auto st = record(t->ticket.day, id, "skip", counter, now, ""); !st) return st.error();
        auto out = load(id);
        if (!out) return out.error();
        return out->ticket;
    });
}

Result<Ticket> SqlCounterDesk::return_skipped(std::int64_t id, TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("return", [&]() -> Result<Ticket> {
        auto t = load(id);
        if (!t) return t.error();
        if (t->ticket.state != TicketState::skipped)
            return make_error(kErrBadState, "return: ticket " + t->ticket.display + " is " +
                                                std::string(to_string(t->ticket.state)) + ", not skipped");
        const auto since = t->skipped_at.value_or(now);
        if (now - since > target_.desk.skip_return_window)
            return make_error(kErrBadState,
                              "return: ticket " + t->ticket.display + " was skipped more than " +
                                  num(target_.desk.skip_return_window.count()) + " minutes ago");
        auto key = place_key(t->ticket.service, static_cast<int>(t->ticket.series), t->ticket.day,
                             TransferPosition::front);
        if (!key) return key.error();
        auto upd =
            session_->query("UPDATE queue_ticket SET state = 'issued', counter = NULL, called_at = NULL "
                            "WHERE id = ?1 AND state = 'skipped'",
                            {num(id)}, 0);
        if (!upd) return upd.error();
        if (auto st = move_ticket(id, t->ticket.service, *key, std::nullopt); !st) return st.error();
        if (auto st = record(t->ticket.day, id, "return", std::nullopt, now, ""); !st) return st.error();
        auto out = load(id);
        if (!out) return out.error();
        return out->ticket;
    });
}

Result<Ticket> SqlCounterDesk::transfer(int counter, std::int64_t id, const std::string& to_service,
                                        TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("transfer", [&]() -> Result<Ticket> {
        auto t = called_here(counter, id, "transfer");
        if (!t) return t.error();
        if (to_service.empty() || to_service == t->ticket.service)
            return make_error(kErrBadState, "transfer: ticket " + t->ticket.display + " already waits for '" +
                                                t->ticket.service + "'");
        const auto position = target_.desk.transfer_position;
        auto key = place_key(to_service, static_cast<int>(t->ticket.series), t->ticket.day, position);
        if (!key) return key.error();
        auto upd =
            session_->query("UPDATE queue_ticket SET state = 'issued', counter = NULL, called_at = NULL "
                            "WHERE id = ?1 AND state = 'called'",
                            {num(id)}, 0);
        if (!upd) return upd.error();
        if (auto st = move_ticket(id, to_service, *key, std::nullopt); !st) return st.error();
        if (auto st = set_current(counter, std::nullopt, now); !st) return st.error();
        const std::string detail =
            t->ticket.service + ">" + to_service + (position == TransferPosition::front ? " front" : " back");
        if (auto st = record(t->ticket.day, id, "transfer", counter, now, detail); !st) return st.error();
        auto out = load(id);
        if (!out) return out.error();
        return out->ticket;
    });
}

Result<Ticket> SqlCounterDesk::serve(int counter, std::int64_t id, TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("serve", [&]() -> Result<Ticket> {
        auto t = called_here(counter, id, "serve");
        if (!t) return t.error();
        auto upd = session_->query(
            "UPDATE queue_ticket SET state = 'served', served_at = ?1 WHERE id = ?2 AND state = 'called'",
            {num(to_unix_ms(now)), num(id)}, 0);
        if (!upd) return upd.error();
        if (auto st = set_current(counter, std::nullopt, now); !st) return st.error();
        if (auto st = record(t->ticket.day, id, "served", counter, now, ""); !st) return st.error();
        auto out = load(id);
        if (!out) return out.error();
        return out->ticket;
    });
}

Status SqlCounterDesk::set_paused(int counter, bool paused, TimePoint now) {
    std::lock_guard lock(mutex_);
    return in_transaction("pause", [&]() -> Status {
        auto rows = session_->query("SELECT paused FROM queue_desk WHERE office = ?1 AND counter = ?2",
                                    {target_.office, num(counter)}, 1);
        if (!rows) return rows.error();
        const bool was = !rows->empty() && rows->front()[0].value_or("0") == "1";
        if (!rows->empty() && was == paused) return Ok{}; // no change, no event
        auto r = session_->query(
            "INSERT INTO queue_desk (office, counter, paused, current_ticket, since) "
            "VALUES (?1, ?2, ?3, NULL, ?4) "
            "ON CONFLICT (office, counter) DO UPDATE SET paused = excluded.paused, since = excluded.since",
            {target_.office, num(counter), paused ? "1" : "0", num(to_unix_ms(now))}, 0);
        if (!r) return r.error();
        return record(day_of(now), std::nullopt, paused ? "pause" : "resume", counter, now, "");
    });
}

Result<std::vector<QueueEvent>> SqlCounterDesk::events(const OfficeDay& day, std::int64_t after_id) {
    std::lock_guard lock(mutex_);
    return read_events(day, "e.id > ?3 ORDER BY e.id", {num(after_id)});
}

Result<std::vector<QueueEvent>> SqlCounterDesk::read_events(const OfficeDay& day, const std::string& where,
                                                            std::vector<SqlValue> extra) {
    std::vector<SqlValue> params{target_.office, day.iso};
    params.insert(params.end(), extra.begin(), extra.end());
    auto rows =
        session_->query("SELECT e.id, e.ticket_id, e.kind, e.counter, e.at, e.detail, t.display FROM "
                        "queue_event e LEFT JOIN queue_ticket t ON t.id = e.ticket_id WHERE e.office = "
                        "?1 AND e.day = ?2 AND " +
                            where,
                        params, 7);
    if (!rows) return rows.error();
    std::vector<QueueEvent> out;
    for (const auto& r : *rows) {
        QueueEvent e;
        e.id = std::stoll(r[0].value_or("0"));
        if (r[1]) e.ticket_id = std::stoll(*r[1]);
        e.kind = r[2].value_or("");
        if (r[3]) e.counter = std::stoi(*r[3]);
        e.at = from_unix_ms(std::stoll(r[4].value_or("0")));
        e.detail = r[5].value_or("");
        e.display = r[6].value_or("");
        out.push_back(std::move(e));
    }
    return out;
}

Result<QueueBoard> SqlCounterDesk::board(TimePoint now, std::size_t recent) {
    std::lock_guard lock(mutex_);
    QueueBoard b;
    b.day = day_of(now);
    // Read-only, but in one transaction so that the parts agree with each other.
    auto st = in_transaction("read board", [&]() -> Status {
        auto rows =
            session_->query(ticket_select() + "WHERE t.office = ?1 AND t.day = ?2 AND t.state IN " +
                                kWaiting + " ORDER BY t.series DESC, COALESCE(f.sort_key, t.id), t.id",
                            {target_.office, b.day.iso}, kTicketSelectColumns);
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            auto w = waiting_from_row(r);
            if (!w) return w.error();
            b.waiting.push_back(std::move(*w));
        }
        rows = session_->query(ticket_select() + "WHERE t.office = ?1 AND t.day = ?2 AND t.state IN "
                                                 "('called','skipped','served') ORDER BY t.id",
                               {target_.office, b.day.iso}, kTicketSelectColumns);
        if (!rows) return rows.error();
        std::map<std::int64_t, Ticket> called;
        for (const auto& r : *rows) {
            auto w = waiting_from_row(r);
            if (!w) return w.error();
            if (w->ticket.state == TicketState::served)
                b.served.push_back(w->ticket);
            else if (w->ticket.state == TicketState::called)
                called.emplace(w->ticket.id, w->ticket);
            else if (w->skipped_at && now - *w->skipped_at <= target_.desk.skip_return_window)
                b.skipped.push_back(w->ticket);
        }
        rows = session_->query(
            "SELECT counter, paused, current_ticket FROM queue_desk WHERE office = ?1 ORDER BY "
            "counter",
            {target_.office}, 3);
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            DeskState d;
            d.counter = std::stoi(r[0].value_or("0"));
            d.paused = r[1].value_or("0") == "1";
            if (r[2])
                if (auto it = called.find(std::stoll(*r[2])); it != called.end()) d.current = it->second;
            b.desks.push_back(std::move(d));
        }
        auto ev = read_events(b.day, "e.kind IN ('call','recall') ORDER BY e.id DESC LIMIT ?3",
                              {num(static_cast<long long>(recent))});
        if (!ev) return ev.error();
        b.recent_calls = std::move(*ev);
        return Ok{};
    });
    if (!st) return st.error();
    return b;
}

} // namespace kiosk::store
