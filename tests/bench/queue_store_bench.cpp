// Issue throughput of the ticket stores: one issue() = allocate + record (durable commit), and a full tap
// (issue + mark printed). SQLite on a temp file (synchronous=FULL, so this measures fsync); PostgreSQL when
// KIOSK_BENCH_PG_DSN is set (e.g. "host=127.0.0.1 port=5432 dbname=postgres user=postgres"), else skipped.
#include "kiosk/store/ticket_store_pg.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::queue;

namespace {

Service bench_service() {
    Service s;
    s.code = "bench";
    s.prefix = "A";
    s.range_end = 1'000'000'000; // never exhausted during a run
    return s;
}

std::string office_id() {
    return "bench-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand());
}

void run(benchmark::State& state, TicketStore& store, bool mark) {
    const Service s = bench_service();
    for (auto _ : state) {
        auto t = store.issue(s, PriorityKind::none, now_ms());
        if (!t) {
            state.SkipWithError(t.error().message.c_str());
            return;
        }
        if (mark && !store.mark_printed(t->id, now_ms()).ok()) {
            state.SkipWithError("mark_printed failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

int main(int argc, char** argv) {
    char tmpl[] = "/tmp/kiosk-queue-bench-XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(tmpl);
    std::srand(unsigned(::getpid()));
    auto sqlite = store::SqliteTicketStore::open({dir / "queue.sqlite", office_id(), 0});
    if (!sqlite) {
        std::cerr << "cannot open SQLite store: " << sqlite.error().message << "\n";
        return 1;
    }
    std::unique_ptr<TicketStore> pg;
    if (const char* dsn = std::getenv("KIOSK_BENCH_PG_DSN"); dsn && *dsn) {
        store::PgTicketStoreOptions o;
        o.dsn = dsn;
        o.office = office_id();
        auto p = store::PgTicketStore::open(o);
        if (!p) {
            std::cerr << "cannot open PostgreSQL store: " << p.error().message << "\n";
            return 1;
        }
        pg = std::move(p).value();
    } else {
        std::cout << "PostgreSQL: skipped (set KIOSK_BENCH_PG_DSN to measure it)\n";
    }
    TicketStore& lite = **sqlite;
    benchmark::RegisterBenchmark("sqlite/issue", [&](benchmark::State& s) {
        run(s, lite, false);
    })->UseRealTime();
    benchmark::RegisterBenchmark("sqlite/issue+printed", [&](benchmark::State& s) {
        run(s, lite, true);
    })->UseRealTime();
    if (pg) {
        benchmark::RegisterBenchmark("postgres/issue", [&](benchmark::State& s) {
            run(s, *pg, false);
        })->UseRealTime();
        benchmark::RegisterBenchmark("postgres/issue+printed", [&](benchmark::State& s) {
            run(s, *pg, true);
        })->UseRealTime();
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    sqlite->reset();
    pg.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
