#include "kiosk/store/dossier_store_sqlite.hpp"

#include "kiosk/core/dossier/dossier_csv.hpp"

#include "kiosk/store/sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <mutex>
#include <sstream>

namespace kiosk::store {
namespace {

using dossier::Dossier;

constexpr std::uintmax_t kMaxCsvBytes = 64ull << 20;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS dossiers (
  code TEXT PRIMARY KEY,
  status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
  procedure_code TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  received_at TEXT,
  appointment_at TEXT,
  finished_at TEXT,
  result_delivery TEXT NOT NULL,
  counter TEXT NOT NULL,
  missing_documents TEXT NOT NULL,
  fee_vnd INTEGER
);)sql";

constexpr const char* kColumns =
    "code, status, procedure_code, procedure_name, applicant_name, received_at, "
    "appointment_at, finished_at, result_delivery, counter, missing_documents, fee_vnd";

void bind_time(sqlite::Statement& st, int index, const std::optional<dossier::Seconds>& t) {
    if (t)
        st.bind_text(index, dossier::format_vn_timestamp(*t));
    else
        st.bind_null(index);
}

} // namespace

struct DossierStoreSqlite::Impl {
    sqlite::Db db;
    std::string path;
    std::mutex mutex; // one connection, used by one thread at a time

    explicit Impl(sqlite::Db d) : db(std::move(d)), path(db.path().string()) {}

    // Every database failure is kind "store"; the helper's message names the file and the SQL.
    Error error(const std::string& what, const Error& e) const {
        return make_error("store", "dossier store " + path + ": " + what + ": " + e.message);
    }
    Result<sqlite::Statement> prepare(const std::string& sql) {
        auto st = db.prepare(sql);
        if (!st) return error("prepare", st.error());
        return st;
    }
};

DossierStoreSqlite::DossierStoreSqlite(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DossierStoreSqlite::~DossierStoreSqlite() = default;

Result<std::unique_ptr<DossierStoreSqlite>> DossierStoreSqlite::open(const DossierStoreOptions& options) {
    // WAL so a lookup never waits for an import (an import is one transaction); NORMAL: a power cut may
    // lose the last import, which is re-run from its CSV. An in-memory store has no journal to change.
    sqlite::OpenOptions o;
    o.path = options.path;
    o.journal = options.path == ":memory:" ? sqlite::Journal::keep : sqlite::Journal::wal;
    o.synchronous = sqlite::Synchronous::normal;
    o.busy_timeout = std::chrono::milliseconds(options.busy_timeout_ms);
    auto db = sqlite::Db::open(o);
    if (!db)
        return make_error("store",
                          "dossier store " + options.path.string() + ": open: " + db.error().message);
    auto impl = std::make_unique<Impl>(std::move(db).value());
    if (auto st = impl->db.exec(kSchema); !st) return impl->error("create table", st.error());
    return std::unique_ptr<DossierStoreSqlite>(new DossierStoreSqlite(std::move(impl)));
}

Result<Dossier> DossierStoreSqlite::lookup(const dossier::DossierCode& code) {
    std::lock_guard lock(impl_->mutex);
    auto stmt = impl_->prepare(std::string("SELECT ") + kColumns + " FROM dossiers WHERE code = ?1");
    if (!stmt) return stmt.error();
    sqlite::Statement& s = *stmt;
    const std::string key = code.str();
    s.bind_text(1, key);
    auto row = s.step();
    if (!row) return impl_->error("lookup " + key, row.error());
    if (!*row) return make_error("not_found", "dossier " + key + " is not in the local store");

    // Rows were validated on import; re-check anyway so a hand-edited database cannot show garbage.
    const auto corrupt = [&](const std::string& what) {
        return make_error("store", "dossier store " + impl_->path + ": row " + key + ": " + what);
    };
    Dossier d;
    d.code = code;
    const auto status = dossier::status_from_int(s.int64(1));
    if (!status) return corrupt("bad status");
    d.status = *status;
    d.procedure_code = s.text(2);
    d.procedure_name = s.text(3);
    d.applicant_name = s.text(4);
    for (int col : {5, 6, 7}) {
        if (s.is_null(col)) continue;
        auto t = dossier::parse_vn_timestamp(s.text(col));
        if (!t) return corrupt(t.error().message);
        (col == 5 ? d.received_at : col == 6 ? d.appointment_at : d.finished_at) = *t;
    }
    const auto delivery = dossier::delivery_from_string(s.text(8));
    if (!delivery) return corrupt("bad result_delivery");
    d.delivery = *delivery;
    d.counter = s.text(9);
    const auto docs = nlohmann::json::parse(s.text(10), nullptr, false);
    if (!docs.is_array()) return corrupt("missing_documents is not a JSON array");
    for (const auto& doc : docs) {
        if (!doc.is_string()) return corrupt("missing_documents holds a non-string");
        d.missing_documents.push_back(doc.get<std::string>());
    }
    if (!s.is_null(11)) d.fee_vnd = s.int64(11);
    return d;
}

Result<std::size_t> DossierStoreSqlite::import_csv_file(const std::filesystem::path& csv) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(csv, ec);
    if (ec) return make_error("io", csv.string() + ": " + ec.message());
    if (size > kMaxCsvBytes)
        return make_error("io",
                          csv.string() + ": " + std::to_string(size) + " bytes, at most 64 MiB accepted");
    std::ifstream in(csv, std::ios::binary);
    if (!in) return make_error("io", csv.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    return import_csv_text(text.str(), csv.string());
}

Result<std::size_t> DossierStoreSqlite::import_csv_text(std::string_view text, std::string_view origin) {
    auto rows = dossier::parse_dossier_csv(text, origin);
    if (!rows) return rows.error();

    std::lock_guard lock(impl_->mutex);
    auto tx = sqlite::Transaction::begin(impl_->db, sqlite::Transaction::Mode::immediate);
    if (!tx) return impl_->error("begin", tx.error());
    {
        auto stmt = impl_->prepare(std::string("INSERT OR REPLACE INTO dossiers (") + kColumns +
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        if (!stmt) return stmt.error(); // ~Transaction rolls back
        sqlite::Statement& s = *stmt;
        for (const Dossier& d : *rows) {
            s.reset();
            s.bind_text(1, d.code.str());
            s.bind_int64(2, static_cast<int>(d.status));
            s.bind_text(3, d.procedure_code);
            s.bind_text(4, d.procedure_name);
            s.bind_text(5, d.applicant_name);
            bind_time(s, 6, d.received_at);
            bind_time(s, 7, d.appointment_at);
            bind_time(s, 8, d.finished_at);
            s.bind_text(9, dossier::delivery_name(d.delivery));
            s.bind_text(10, d.counter);
            s.bind_text(11, nlohmann::json(d.missing_documents).dump());
            if (d.fee_vnd)
                s.bind_int64(12, *d.fee_vnd);
            else
                s.bind_null(12);
            if (auto st = s.finish(); !st) return impl_->error("insert " + d.code.str(), st.error());
        }
    }
    if (auto st = tx->commit(); !st) return impl_->error("commit", st.error());
    return rows->size();
}

Result<std::size_t> DossierStoreSqlite::count() {
    std::lock_guard lock(impl_->mutex);
    auto stmt = impl_->prepare("SELECT COUNT(*) FROM dossiers");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return impl_->error("count", row.error());
    if (!*row) return make_error("store", "dossier store " + impl_->path + ": count returned no row");
    return static_cast<std::size_t>(stmt->int64(0));
}

} // namespace kiosk::store
