#pragma once
// Opens a fresh ticket store of either kind for a test: SQLite in a temp dir, or PostgreSQL on the shared
// test server with an office id of its own (so tests never see each other's tickets).

#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"
#include "pg_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace kiosk::testing {

enum class StoreKind { sqlite, postgres };

inline std::string kind_name(StoreKind k) {
    return k == StoreKind::sqlite ? "sqlite" : "postgres";
}

// A unique office id per test and process.
inline std::string unique_office(const std::string& base) {
    static std::atomic<int> n{0};
    return base + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
}

struct StoreTarget {
    StoreKind kind;
    std::filesystem::path sqlite_path;
    std::string dsn;
    std::string office;

    [[nodiscard]] Result<std::unique_ptr<queue::TicketStore>> open(int reset_minute = 0) const {
        if (kind == StoreKind::sqlite) {
            auto s = store::SqliteTicketStore::open({sqlite_path, office, reset_minute});
            if (!s) return s.error();
            return std::unique_ptr<queue::TicketStore>(std::move(s).value());
        }
        store::PgTicketStoreOptions o;
        o.dsn = dsn;
        o.office = office;
        o.day_reset_minute = reset_minute;
        auto s = store::PgTicketStore::open(o);
        if (!s) return s.error();
        return std::unique_ptr<queue::TicketStore>(std::move(s).value());
    }
};

// Temp dir removed on destruction.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/kiosk-queue-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// Fills `target` for `kind`; returns false (after a test failure) if the PostgreSQL server is missing.
inline bool make_target(StoreKind kind, const TempDir& dir, const std::string& office_base,
                        StoreTarget& target) {
    target.kind = kind;
    target.office = unique_office(office_base);
    target.sqlite_path = dir.path / "queue.sqlite";
    if (kind == StoreKind::postgres) {
        target.dsn = shared_pg_dsn();
        if (target.dsn.empty()) return false;
    }
    return true;
}

} // namespace kiosk::testing
