#pragma once
// SqlSession: the few things the counter-desk SQL needs from a database connection, so that one
// implementation of the counter operations runs on SQLite and PostgreSQL alike. SQL is written with ?1, ?2
// placeholders (PostgreSQL sessions rewrite them to $1, $2); every value travels as text or NULL.
// begin() takes the write lock at once on SQLite (BEGIN IMMEDIATE); PostgreSQL relies on row locks
// (SELECT … FOR UPDATE SKIP LOCKED, see lock_clause()). Internal to kiosk/store; not thread-safe.

#include "kiosk/core/util/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::store {

using SqlValue = std::optional<std::string>;
using SqlRow = std::vector<SqlValue>;

class SqlSession {
  public:
    virtual ~SqlSession() = default;
    // Runs one statement; returns its rows with `columns` columns each (0 for statements without rows).
    [[nodiscard]] virtual Result<std::vector<SqlRow>>
    query(const std::string& sql, const std::vector<SqlValue>& params, int columns) = 0;
    [[nodiscard]] virtual Status begin() = 0;
    [[nodiscard]] virtual Status commit() = 0;
    virtual void rollback() = 0;
    // Appended to a SELECT of waiting tickets (alias t) to lock the chosen row: "" on SQLite.
    [[nodiscard]] virtual std::string lock_clause() const = 0;
    // SQL run inside each changing transaction to wake watchers ("" when the database has no such thing).
    [[nodiscard]] virtual std::string notify_sql() const = 0;
    // The schema of the counter tables (CREATE … IF NOT EXISTS), in this database's dialect.
    [[nodiscard]] virtual std::string schema_sql() const = 0;
};

} // namespace kiosk::store
