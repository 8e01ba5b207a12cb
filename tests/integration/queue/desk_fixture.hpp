#pragma once
// Opens a CounterDesk on the same store a StoreTarget points at (SQLite file or PostgreSQL office).

#include "kiosk/store/counter_desk_sql.hpp"
#include "store_fixture.hpp"

namespace kiosk::testing {

inline Result<std::unique_ptr<queue::CounterDesk>> open_desk(const StoreTarget& target,
                                                             queue::DeskOptions options = {}) {
    store::CounterDeskTarget t;
    t.office = target.office;
    t.desk = options;
    if (target.kind == StoreKind::sqlite) return store::open_sqlite_counter_desk(target.sqlite_path, t);
    return store::open_pg_counter_desk(target.dsn, t);
}

} // namespace kiosk::testing
