#pragma once
// kiosk::store::sqlite – the one small SQLite helper the kiosk's SQLite stores share (tickets, dossiers,
// catalog cache):
//   Db          opens a file with the store's settings (optional parent folder creation, WAL journal,
//               synchronous level, busy timeout, read-only) and runs plain SQL.
//   Statement   a move-only prepared statement: bind by index, step, read columns, reset.
//   Transaction BEGIN IMMEDIATE / DEFERRED; rolls back on destruction unless commit() succeeded.
// Every failure is a kiosk::Error whose message names the database file, the SQL that failed and SQLite's
// own message; its kind says whether another connection held the lock past the busy timeout (kErrBusy),
// the file could not be opened (kErrOpen) or anything else failed (kErrFailed). Stores map these kinds to
// their own.
//
// It does not: cache statements, migrate schemas, retry busy transactions, pool connections, or hide SQL.
//
// Thread rules: a Db and the Statements/Transactions made from it belong to one owner, used by one thread at
// a time (connections are opened with SQLITE_OPEN_NOMUTEX); a store shared between threads serialises its
// calls itself (the stores use a mutex). Use one Db per thread/owner; several Dbs (in one or several
// processes) may open the same file, and the busy timeout and WAL handle their contention. Statements and
// Transactions must not outlive their Db.

#include "kiosk/core/util/result.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::store::sqlite {

// Error kinds.
inline constexpr const char* kErrOpen = "sqlite.open";   // folder or file cannot be created/opened
inline constexpr const char* kErrBusy = "sqlite.busy";   // locked by another connection past the busy timeout
inline constexpr const char* kErrFailed = "sqlite.fail"; // any other SQLite failure

enum class Journal {
    keep, // leave the file's journal mode as it is (SQLite's default: rollback journal)
    wal,  // PRAGMA journal_mode=WAL; open fails unless SQLite reports "wal"
};

enum class Synchronous {
    keep,   // leave SQLite's compiled-in default
    off,    // no fsync at all (tests only)
    normal, // WAL: a power cut may lose the last commits, never corrupts
    full,   // every commit is on disk before it returns
};

struct OpenOptions {
    std::filesystem::path path; // file name, or ":memory:"
    bool create_folder = false; // create the parent folder (and its parents) if missing
    bool read_only = false;     // open read-only; the file must exist; journal mode is left alone
    Journal journal = Journal::wal;
    Synchronous synchronous = Synchronous::normal;
    std::chrono::milliseconds busy_timeout{5000}; // how long to wait for another connection's lock
};

// How a bound text/blob is kept: copied by SQLite (always safe), or borrowed (the caller keeps the bytes
// alive and unchanged until the statement is reset, re-bound or destroyed; saves a copy of big blobs).
enum class Keep { copy, borrowed };

class Statement {
  public:
    Statement() = default; // empty; only useful as a target for a move
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binds parameter `index` (1-based, as ?1, ?2 ...). A failed bind is remembered and reported by the
    // next step()/finish(), so calls can be chained.
    Statement& bind_int64(int index, std::int64_t value);
    Statement& bind_text(int index, std::string_view value, Keep keep = Keep::copy);
    Statement& bind_blob(int index, std::string_view bytes, Keep keep = Keep::copy); // empty = zero-length
    Statement& bind_null(int index);

    // One step: true when a row is ready to read, false when the statement is done.
    [[nodiscard]] Result<bool> step();
    // Steps a statement that must not return a row (or the last step after reading RETURNING's row).
    [[nodiscard]] Status finish();
    // Makes the statement runnable again and clears the bindings and any remembered bind error.
    void reset();

    // Columns of the current row (0-based). Text/blob of NULL reads as empty; use is_null() to tell.
    [[nodiscard]] bool is_null(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optional_text(int column) const; // nullopt for NULL
    [[nodiscard]] std::string blob(int column) const;

    [[nodiscard]] std::string_view sql() const;
    [[nodiscard]] explicit operator bool() const { return stmt_ != nullptr; }

  private:
    friend class Db;
    Statement(sqlite3_stmt* stmt, int busy_timeout_ms) : stmt_(stmt), busy_timeout_ms_(busy_timeout_ms) {}
    void note_bind(int rc, int index);
    Error error_from(int rc) const;

    sqlite3_stmt* stmt_ = nullptr;
    int busy_timeout_ms_ = 0;
    std::optional<Error> bind_error_;
};

class Db {
  public:
    [[nodiscard]] static Result<Db> open(const OpenOptions& options);
    Db(Db&& other) noexcept;
    Db& operator=(Db&& other) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    // Compiles one statement; the error quotes the SQL.
    [[nodiscard]] Result<Statement> prepare(std::string_view sql);
    // Runs one or more statements whose rows, if any, are discarded (schema, pragmas, BEGIN/COMMIT).
    [[nodiscard]] Status exec(const std::string& sql);

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
    [[nodiscard]] bool in_transaction() const;
    // The raw connection, for what this helper does not wrap. Owned by the Db.
    [[nodiscard]] sqlite3* handle() const { return db_; }

  private:
    Db() = default;
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::chrono::milliseconds busy_timeout_{0};
};

class Transaction {
  public:
    enum class Mode { deferred, immediate };

    // BEGIN [IMMEDIATE]. With immediate, the write lock is taken now (waiting up to the busy timeout), so
    // the transaction cannot later fail with "busy" half-way through.
    [[nodiscard]] static Result<Transaction> begin(Db& db, Mode mode);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction(); // rolls back unless committed or rolled back already

    // COMMIT. On failure the transaction stays open and is rolled back by the destructor.
    [[nodiscard]] Status commit();
    [[nodiscard]] Status rollback();
    [[nodiscard]] bool active() const { return db_ != nullptr; }

  private:
    explicit Transaction(Db& db) : db_(&db) {}
    Db* db_ = nullptr;
};

} // namespace kiosk::store::sqlite
