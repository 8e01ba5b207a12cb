#include "kiosk/store/ticket_store_factory.hpp"

#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

namespace kiosk::store {

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

} // namespace kiosk::store
