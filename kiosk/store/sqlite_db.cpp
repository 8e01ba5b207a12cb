#include "kiosk/store/sqlite_db.hpp"

#include <sqlite3.h>

#include <thread>
#include <utility>

namespace kiosk::store::sqlite {

namespace {

bool is_busy(int rc) {
    const int base = rc & 0xff;
    return base == SQLITE_BUSY || base == SQLITE_LOCKED;
}

// "SQLite database /var/lib/x.sqlite" for messages; works from a bare connection.
std::string describe(sqlite3* db) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    return std::string("SQLite database ") + (file && *file ? file : ":memory:");
}

std::string in_quotes(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 2);
    out.push_back('"');
    out.append(sql);
    out.push_back('"');
    return out;
}

// The kind for `rc`, and a hint appended to SQLite's message when the lock wait ran out.
Error sqlite_error(int rc, std::string message, std::chrono::milliseconds busy_timeout) {
    if (is_busy(rc))
        return make_error(kErrBusy, std::move(message) +
                                        " (another connection held the lock longer than the " +
                                        "busy timeout of " + std::to_string(busy_timeout.count()) + " ms)");
    return make_error(kErrFailed, std::move(message));
}

bool only_blank(const char* tail) {
    for (; tail && *tail; ++tail)
        if (*tail != ' ' && *tail != '\n' && *tail != '\r' && *tail != '\t' && *tail != ';') return false;
    return true;
}

const char* pragma_value(Synchronous s) {
    switch (s) {
    case Synchronous::off:
        return "OFF";
    case Synchronous::normal:
        return "NORMAL";
    case Synchronous::full:
        return "FULL";
    case Synchronous::keep:
        break;
    }
    return nullptr;
}

} // namespace

// --- Statement
// ----------------------------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), busy_timeout_ms_(other.busy_timeout_ms_),
      bind_error_(std::move(other.bind_error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        busy_timeout_ms_ = other.busy_timeout_ms_;
        bind_error_ = std::move(other.bind_error_);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_); // a no-op for nullptr
}

void Statement::note_bind(int rc, int index) {
    if (rc == SQLITE_OK || bind_error_) return;
    bind_error_ = make_error(kErrFailed, describe(sqlite3_db_handle(stmt_)) + ": cannot bind parameter " +
                                             std::to_string(index) + " of " + in_quotes(sql()) + ": " +
                                             sqlite3_errstr(rc));
}

Statement& Statement::bind_int64(int index, std::int64_t value) {
    note_bind(sqlite3_bind_int64(stmt_, index, sqlite3_int64(value)), index);
    return *this;
}

Statement& Statement::bind_text(int index, std::string_view value, Keep keep) {
    // A null pointer would bind NULL; an empty text must stay an empty text.
    const char* data = value.data() ? value.data() : "";
    note_bind(sqlite3_bind_text64(stmt_, index, data, value.size(),
                                  keep == Keep::copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8),
              index);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes, Keep keep) {
    const char* data = bytes.data() ? bytes.data() : ""; // zero-length blob, not NULL
    note_bind(sqlite3_bind_blob64(stmt_, index, data, bytes.size(),
                                  keep == Keep::copy ? SQLITE_TRANSIENT : SQLITE_STATIC),
              index);
    return *this;
}

Statement& Statement::bind_null(int index) {
    note_bind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Error Statement::error_from(int rc) const {
    sqlite3* db = sqlite3_db_handle(stmt_);
    return sqlite_error(rc, describe(db) + ": " + in_quotes(sql()) + " failed: " + sqlite3_errmsg(db),
                        std::chrono::milliseconds(busy_timeout_ms_));
}

Result<bool> Statement::step() {
    if (!stmt_) return make_error(kErrFailed, "SQLite: step on an empty statement");
    if (bind_error_) return *bind_error_;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return error_from(rc);
}

Status Statement::finish() {
    auto row = step();
    if (!row) return row.error();
    if (*row)
        return make_error(kErrFailed, describe(sqlite3_db_handle(stmt_)) + ": " + in_quotes(sql()) +
                                          " returned a row where none was expected");
    return Ok{};
}

void Statement::reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_.reset();
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return std::int64_t(sqlite3_column_int64(stmt_, column));
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::string Statement::blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::string_view Statement::sql() const {
    const char* s = stmt_ ? sqlite3_sql(stmt_) : nullptr;
    return s ? std::string_view(s) : std::string_view();
}

// --- Db
// -----------------------------------------------------------------------------------------------------

Db::Db(Db&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)),
      busy_timeout_(other.busy_timeout_) {}

Db& Db::operator=(Db&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        busy_timeout_ = other.busy_timeout_;
    }
    return *this;
}

Db::~Db() {
    // close_v2: statements still alive (a bug) keep the connection until they are finalized.
    if (db_) sqlite3_close_v2(db_);
}

Result<Db> Db::open(const OpenOptions& options) {
    const std::string name = options.path.string();
    if (options.create_folder && options.path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(options.path.parent_path(), ec);
        if (ec)
            return make_error(kErrOpen, "cannot create folder " + options.path.parent_path().string() +
                                            " for SQLite database " + name + ": " + ec.message());
    }
    Db db;
    db.path_ = options.path;
    db.busy_timeout_ = options.busy_timeout;
    const int flags =
        (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    if (const int rc = sqlite3_open_v2(name.c_str(), &db.db_, flags, nullptr); rc != SQLITE_OK)
        return make_error(kErrOpen, "cannot open SQLite database " + name +
                                        (options.read_only ? " (read-only)" : "") + ": " +
                                        (db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(db.db_, int(options.busy_timeout.count()));

    if (options.journal == Journal::wal && !options.read_only) {
        // Switching to WAL needs a moment of exclusive access, and SQLite may answer "busy" without waiting
        // when several processes start together: retry until the busy timeout has passed.
        const auto deadline = std::chrono::steady_clock::now() + options.busy_timeout;
        for (;;) {
            auto pragma = db.prepare("PRAGMA journal_mode=WAL"); // preparing reads the schema: may be busy
            Error failure = pragma ? Error{} : pragma.error();
            if (pragma) {
                auto row = pragma->step();
                if (row && *row) {
                    if (const std::string mode = pragma->text(0); mode != "wal")
                        return make_error(kErrFailed,
                                          describe(db.db_) + ": WAL journal mode refused (got " + mode + ")");
                    break;
                }
                if (row)
                    return make_error(kErrFailed,
                                      describe(db.db_) + ": PRAGMA journal_mode returned nothing");
                failure = row.error();
            }
            if (failure.kind != kErrBusy || std::chrono::steady_clock::now() > deadline) return failure;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    if (const char* level = pragma_value(options.synchronous))
        if (auto st = db.exec(std::string("PRAGMA synchronous=") + level); !st) return st.error();
    return db;
}

Result<Statement> Db::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), int(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK)
        return sqlite_error(rc,
                            describe(db_) + ": cannot prepare " + in_quotes(sql) + ": " + sqlite3_errmsg(db_),
                            busy_timeout_);
    Statement out(stmt, int(busy_timeout_.count()));
    if (!stmt) return make_error(kErrFailed, describe(db_) + ": " + in_quotes(sql) + " holds no statement");
    const std::string_view rest =
        tail ? sql.substr(std::size_t(tail - sql.data())) : std::string_view(); // not NUL-terminated
    if (!only_blank(std::string(rest).c_str()))
        return make_error(kErrFailed, describe(db_) + ": " + in_quotes(sql) +
                                          " holds more than one statement; use exec() for scripts");
    return out;
}

Status Db::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Ok{};
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return sqlite_error(rc, describe(db_) + ": " + in_quotes(sql) + " failed: " + detail, busy_timeout_);
}

bool Db::in_transaction() const {
    return db_ && sqlite3_get_autocommit(db_) == 0;
}

// --- Transaction
// --------------------------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db, Mode mode) {
    if (auto st = db.exec(mode == Mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); !st)
        return st.error();
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
    // SQLite may already have rolled back on its own (e.g. disk full); then there is nothing to undo.
    if (db_ && db_->in_transaction()) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!db_) return make_error(kErrFailed, "SQLite: commit without an open transaction");
    if (auto st = db_->exec("COMMIT"); !st) return st;
    db_ = nullptr;
    return Ok{};
}

Status Transaction::rollback() {
    if (!db_) return make_error(kErrFailed, "SQLite: rollback without an open transaction");
    Db* db = std::exchange(db_, nullptr);
    if (!db->in_transaction()) return Ok{};
    return db->exec("ROLLBACK");
}

} // namespace kiosk::store::sqlite
