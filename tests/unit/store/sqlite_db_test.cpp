// The shared SQLite helper (kiosk/store/sqlite_db.hpp): open settings, statements, transactions, errors and
// the busy timeout between two connections.
#include "kiosk/store/sqlite_db.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <unistd.h>

using namespace kiosk::store::sqlite;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/kiosk-sqlite-db-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

Db open_ok(const OpenOptions& options) {
    auto db = Db::open(options);
    EXPECT_TRUE(db.ok()) << db.error().message;
    return std::move(db).value();
}

std::string scalar_text(Db& db, const std::string& sql) {
    auto st = db.prepare(sql);
    EXPECT_TRUE(st.ok()) << st.error().message;
    auto row = st->step();
    EXPECT_TRUE(row.ok() && *row) << (row.ok() ? "no row" : row.error().message);
    return st->text(0);
}

std::int64_t count_rows(Db& db) {
    auto st = db.prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(st.ok()) << st.error().message;
    auto row = st->step();
    EXPECT_TRUE(row.ok() && *row);
    return st->int64(0);
}

} // namespace

TEST(SqliteDb, OpenCreatesWalDatabaseWithTheRequestedSynchronousLevel) {
    TempDir dir;
    for (const auto& [level, expected] :
         {std::pair{Synchronous::full, "2"}, std::pair{Synchronous::normal, "1"},
          std::pair{Synchronous::off, "0"}}) {
        OpenOptions o;
        o.path = dir.path / ("sub-" + std::string(expected)) / "folder" / "x.sqlite";
        o.create_folder = true;
        o.synchronous = level;
        Db db = open_ok(o);
        EXPECT_TRUE(std::filesystem::exists(o.path));
        EXPECT_EQ(db.path(), o.path);
        EXPECT_EQ(scalar_text(db, "PRAGMA journal_mode"), "wal");
        EXPECT_EQ(scalar_text(db, "PRAGMA synchronous"), expected);
        EXPECT_EQ(scalar_text(db, "PRAGMA busy_timeout"), "5000");
    }
    // Journal::keep leaves a new file in SQLite's default rollback-journal mode.
    OpenOptions keep;
    keep.path = dir.path / "keep.sqlite";
    keep.journal = Journal::keep;
    keep.synchronous = Synchronous::keep;
    keep.busy_timeout = 1234ms;
    Db db = open_ok(keep);
    EXPECT_EQ(scalar_text(db, "PRAGMA journal_mode"), "delete");
    EXPECT_EQ(scalar_text(db, "PRAGMA busy_timeout"), "1234");
}

TEST(SqliteDb, StatementBindsAndReadsBackValues) {
    TempDir dir;
    Db db = open_ok({dir.path / "v.sqlite"});
    ASSERT_TRUE(db.exec("CREATE TABLE t (i INTEGER, s TEXT, n TEXT, b BLOB, e BLOB)").ok());
    auto insert = db.prepare("INSERT INTO t (i, s, n, b, e) VALUES (?1, ?2, ?3, ?4, ?5)");
    ASSERT_TRUE(insert.ok()) << insert.error().message;
    const std::string text = "Đăng ký kết hôn";
    const std::string bytes("\0\xFFz\0", 4);
    const auto big = std::numeric_limits<std::int64_t>::min();
    insert->bind_int64(1, big).bind_text(2, text).bind_null(3).bind_blob(4, bytes).bind_blob(5, "");
    ASSERT_TRUE(insert->finish().ok());
    insert->reset(); // reusable; bindings cleared
    insert->bind_int64(1, 7).bind_text(2, std::string_view(), Keep::borrowed);
    ASSERT_TRUE(insert->finish().ok());

    auto select = db.prepare("SELECT i, s, n, b, e, typeof(e), typeof(s) FROM t ORDER BY rowid");
    ASSERT_TRUE(select.ok()) << select.error().message;
    EXPECT_EQ(select->sql(), "SELECT i, s, n, b, e, typeof(e), typeof(s) FROM t ORDER BY rowid");
    auto row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->int64(0), big);
    EXPECT_EQ(select->text(1), text);
    EXPECT_TRUE(select->is_null(2));
    EXPECT_EQ(select->optional_text(2), std::nullopt);
    EXPECT_EQ(select->optional_text(1), text);
    EXPECT_EQ(select->blob(3), bytes);
    EXPECT_EQ(select->blob(4), "");
    EXPECT_EQ(select->text(5), "blob"); // an empty blob is a blob, not NULL
    row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->int64(0), 7);
    EXPECT_TRUE(select->is_null(2));    // cleared by reset()
    EXPECT_EQ(select->text(6), "text"); // an empty text is a text, not NULL
    row = select->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);

    // Moving hands the statement over; the moved-from one is empty.
    Statement moved = std::move(select).value();
    EXPECT_TRUE(bool(moved));
    Statement target;
    target = std::move(moved);
    EXPECT_FALSE(bool(moved));
    EXPECT_TRUE(bool(target));

    // finish() refuses a statement that returns a row; a bad bind index is reported by the next step.
    auto one = db.prepare("SELECT 1");
    ASSERT_TRUE(one.ok());
    auto finished = one->finish();
    ASSERT_FALSE(finished.ok());
    EXPECT_NE(finished.error().message.find("SELECT 1"), std::string::npos) << finished.error().message;
    auto param = db.prepare("SELECT ?1");
    ASSERT_TRUE(param.ok());
    auto stepped = param->bind_int64(2, 1).step();
    ASSERT_FALSE(stepped.ok());
    EXPECT_EQ(stepped.error().kind, kErrFailed);
    EXPECT_NE(stepped.error().message.find("parameter 2"), std::string::npos) << stepped.error().message;
}

TEST(SqliteDb, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    Db db = open_ok({dir.path / "t.sqlite"});
    ASSERT_TRUE(db.exec("CREATE TABLE t (x INTEGER)").ok());
    {
        auto tx = Transaction::begin(db, Transaction::Mode::immediate);
        ASSERT_TRUE(tx.ok()) << tx.error().message;
        EXPECT_TRUE(db.in_transaction());
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)").ok());
        EXPECT_EQ(count_rows(db), 1);
    } // not committed: rolled back here
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(count_rows(db), 0);
    {
        auto tx = Transaction::begin(db, Transaction::Mode::deferred);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (2)").ok());
        ASSERT_TRUE(tx->rollback().ok());
        EXPECT_FALSE(tx->active());
    }
    EXPECT_EQ(count_rows(db), 0);
    {
        auto tx = Transaction::begin(db, Transaction::Mode::immediate);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db.exec("INSERT INTO t VALUES (3)").ok());
        ASSERT_TRUE(tx->commit().ok());
        EXPECT_FALSE(tx->commit().ok()); // nothing left to commit
    }
    EXPECT_EQ(count_rows(db), 1);
}

TEST(SqliteDb, BadSqlGivesAnErrorContainingTheSql) {
    TempDir dir;
    Db db = open_ok({dir.path / "e.sqlite"});
    const std::string bad = "SELEKT nothing FROM nowhere";
    auto st = db.prepare(bad);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, kErrFailed);
    EXPECT_NE(st.error().message.find(bad), std::string::npos) << st.error().message;
    EXPECT_NE(st.error().message.find("syntax error"), std::string::npos) << st.error().message;
    EXPECT_NE(st.error().message.find("e.sqlite"), std::string::npos) << st.error().message;

    auto missing = db.exec("INSERT INTO no_such_table VALUES (1)");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("INSERT INTO no_such_table VALUES (1)"), std::string::npos);
    EXPECT_NE(missing.error().message.find("no such table"), std::string::npos) << missing.error().message;

    auto two = db.prepare("SELECT 1; SELECT 2");
    ASSERT_FALSE(two.ok());
    EXPECT_NE(two.error().message.find("SELECT 1; SELECT 2"), std::string::npos);

    // A failure at step time (constraint) names the SQL and SQLite's words too.
    ASSERT_TRUE(db.exec("CREATE TABLE u (x INTEGER NOT NULL)").ok());
    auto insert = db.prepare("INSERT INTO u (x) VALUES (?1)");
    ASSERT_TRUE(insert.ok());
    auto done = insert->bind_null(1).finish();
    ASSERT_FALSE(done.ok());
    EXPECT_NE(done.error().message.find("INSERT INTO u (x) VALUES (?1)"), std::string::npos);
    EXPECT_NE(done.error().message.find("NOT NULL"), std::string::npos) << done.error().message;
}

TEST(SqliteDb, OpeningInAMissingOrReadOnlyFolderNamesThePath) {
    // Missing folder, not to be created.
    const std::filesystem::path missing = "/nonexistent-kiosk-sqlite-test/sub/db.sqlite";
    auto db = Db::open({missing});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, kErrOpen);
    EXPECT_NE(db.error().message.find(missing.string()), std::string::npos) << db.error().message;

    // Read-only open of a file that does not exist.
    OpenOptions ro;
    ro.path = missing;
    ro.read_only = true;
    db = Db::open(ro);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, kErrOpen);
    EXPECT_NE(db.error().message.find(missing.string()), std::string::npos) << db.error().message;

    // A folder that cannot be created, even by root: its parent is a regular file (and /proc is read-only).
    TempDir dir;
    std::ofstream(dir.path / "plain-file") << "x";
    for (const std::filesystem::path& path : {dir.path / "plain-file" / "sub" / "db.sqlite",
                                              std::filesystem::path("/proc/kiosk-no-such/db.sqlite")}) {
        OpenOptions o;
        o.path = path;
        o.create_folder = true;
        auto r = Db::open(o);
        ASSERT_FALSE(r.ok()) << path;
        EXPECT_EQ(r.error().kind, kErrOpen);
        EXPECT_NE(r.error().message.find(path.parent_path().string()), std::string::npos)
            << r.error().message;
        EXPECT_NE(r.error().message.find(path.string()), std::string::npos) << r.error().message;
    }

    // Read-only connection to an existing database: reads work, writes fail with the SQL named.
    {
        Db rw = open_ok({dir.path / "r.sqlite"});
        ASSERT_TRUE(rw.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)").ok());
    }
    ro.path = dir.path / "r.sqlite";
    Db reader = open_ok(ro);
    EXPECT_EQ(count_rows(reader), 1);
    auto write = reader.exec("INSERT INTO t VALUES (2)");
    ASSERT_FALSE(write.ok());
    EXPECT_NE(write.error().message.find("readonly"), std::string::npos) << write.error().message;
}

TEST(SqliteDb, BusyTimeoutBetweenTwoConnections) {
    TempDir dir;
    const auto path = dir.path / "busy.sqlite";
    Db holder = open_ok({path});
    ASSERT_TRUE(holder.exec("CREATE TABLE t (x INTEGER)").ok());
    OpenOptions o;
    o.path = path;
    o.busy_timeout = 200ms;
    Db waiter = open_ok(o);

    auto lock = Transaction::begin(holder, Transaction::Mode::immediate);
    ASSERT_TRUE(lock.ok()) << lock.error().message;

    const auto t0 = std::chrono::steady_clock::now();
    auto blocked = Transaction::begin(waiter, Transaction::Mode::immediate);
    const auto waited = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().kind, kErrBusy);
    EXPECT_NE(blocked.error().message.find("BEGIN IMMEDIATE"), std::string::npos) << blocked.error().message;
    EXPECT_NE(blocked.error().message.find("locked"), std::string::npos) << blocked.error().message;
    EXPECT_NE(blocked.error().message.find("200 ms"), std::string::npos) << blocked.error().message;
    EXPECT_NE(blocked.error().message.find("busy.sqlite"), std::string::npos) << blocked.error().message;
    EXPECT_GE(waited, 150ms);
    EXPECT_LT(waited, 3s);

    // A plain write statement times out the same way, naming its SQL; WAL readers are not blocked.
    auto insert = waiter.prepare("INSERT INTO t VALUES (?1)");
    ASSERT_TRUE(insert.ok());
    auto failed = insert->bind_int64(1, 1).finish();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, kErrBusy);
    EXPECT_NE(failed.error().message.find("INSERT INTO t VALUES (?1)"), std::string::npos);
    EXPECT_EQ(count_rows(waiter), 0);

    ASSERT_TRUE(lock->commit().ok());
    insert->reset();
    EXPECT_TRUE(insert->bind_int64(1, 1).finish().ok()); // free again
    EXPECT_EQ(count_rows(holder), 1);
}
