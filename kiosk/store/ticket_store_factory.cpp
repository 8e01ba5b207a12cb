#include "kiosk/store/ticket_store_factory.hpp"

#include "kiosk/core/config/last_good.hpp"
#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

namespace kiosk::store {

using queue::parse_local_minute;
using queue::TicketStore;

Result<std::unique_ptr<TicketStore>> open_ticket_store(const QueueStoreOptions& o) {
    if (o.kind == "sqlite") {
        auto s = store::SqliteTicketStore::open({o.sqlite_path, o.office, o.day_reset_minute});
        if (!s) return s.error();
        return std::unique_ptr<TicketStore>(std::move(s).value());
    }
    if (o.kind == "postgres") {
        store::PgTicketStoreOptions p;
        p.dsn = o.postgres_dsn;
        p.office = o.office;
        p.day_reset_minute = o.day_reset_minute;
        auto s = store::PgTicketStore::open(p);
        if (!s) return s.error();
        return std::unique_ptr<TicketStore>(std::move(s).value());
    }
    return make_error("queue.error.bad_store",
                      "queue.store = '" + o.kind + "' (expected sqlite or postgres)");
}

Result<QueueStoreOptions> queue_store_options(const config::Config& c) {
    QueueStoreOptions o;
    o.kind = c.queue.store;
    o.sqlite_path = c.queue.sqlite_path.empty() ? config::state_dir_for(c.paths.state_dir) / "queue.sqlite"
                                                : std::filesystem::path(c.queue.sqlite_path);
    o.postgres_dsn = c.queue.postgres_dsn;
    o.office = c.office.office_id;
    auto reset = parse_local_minute(c.queue.day_reset);
    if (!reset) return make_error(reset.error().kind, "queue.day_reset: " + reset.error().message);
    o.day_reset_minute = *reset;
    return o;
}

} // namespace kiosk::store
