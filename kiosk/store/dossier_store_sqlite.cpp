#include "kiosk/store/dossier_store_sqlite.hpp"

#include "kiosk/core/dossier/dossier_csv.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

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

struct StmtDeleter {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

std::string text_column(sqlite3_stmt* s, int col) {
    const auto* p = sqlite3_column_text(s, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(s, col)))
             : std::string{};
}

void bind_text(sqlite3_stmt* s, int col, const std::string& v) {
    sqlite3_bind_text(s, col, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void bind_time(sqlite3_stmt* s, int col, const std::optional<dossier::Seconds>& t) {
    if (t)
        bind_text(s, col, dossier::format_vn_timestamp(*t));
    else
        sqlite3_bind_null(s, col);
}

} // namespace

struct DossierStoreSqlite::Impl {
    sqlite3* db = nullptr;
    std::string path;
    std::mutex mutex;
    ~Impl() {
        if (db) sqlite3_close(db);
    }
    Error error(const std::string& what) const {
        return make_error("store",
                          "dossier store " + path + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "no db"));
    }
    Result<Stmt> prepare(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return error("prepare");
        return Stmt(s);
    }
    Status exec(const char* sql) {
        char* msg = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
            std::string m = msg ? msg : "unknown";
            sqlite3_free(msg);
            return make_error("store", "dossier store " + path + ": " + m);
        }
        return Ok{};
    }
};

DossierStoreSqlite::DossierStoreSqlite(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DossierStoreSqlite::~DossierStoreSqlite() = default;

Result<std::unique_ptr<DossierStoreSqlite>> DossierStoreSqlite::open(const DossierStoreOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->path = options.path.string();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(impl->path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK)
        return impl->error("open");
    sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
    if (auto st = impl->exec(kSchema); !st) return st.error();
    return std::unique_ptr<DossierStoreSqlite>(new DossierStoreSqlite(std::move(impl)));
}

Result<Dossier> DossierStoreSqlite::lookup(const dossier::DossierCode& code) {
    std::lock_guard lock(impl_->mutex);
    auto stmt = impl_->prepare(std::string("SELECT ") + kColumns + " FROM dossiers WHERE code = ?1");
    if (!stmt) return stmt.error();
    sqlite3_stmt* s = stmt->get();
    const std::string key = code.str();
    bind_text(s, 1, key);
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) return make_error("not_found", "dossier " + key + " is not in the local store");
    if (rc != SQLITE_ROW) return impl_->error("lookup " + key);

    // Rows were validated on import; re-check anyway so a hand-edited database cannot show garbage.
    const auto corrupt = [&](const std::string& what) {
        return make_error("store", "dossier store " + impl_->path + ": row " + key + ": " + what);
    };
    Dossier d;
    d.code = code;
    const auto status = dossier::status_from_int(sqlite3_column_int64(s, 1));
    if (!status) return corrupt("bad status");
    d.status = *status;
    d.procedure_code = text_column(s, 2);
    d.procedure_name = text_column(s, 3);
    d.applicant_name = text_column(s, 4);
    for (int col : {5, 6, 7}) {
        if (sqlite3_column_type(s, col) == SQLITE_NULL) continue;
        auto t = dossier::parse_vn_timestamp(text_column(s, col));
        if (!t) return corrupt(t.error().message);
        (col == 5 ? d.received_at : col == 6 ? d.appointment_at : d.finished_at) = *t;
    }
    const auto delivery = dossier::delivery_from_string(text_column(s, 8));
    if (!delivery) return corrupt("bad result_delivery");
    d.delivery = *delivery;
    d.counter = text_column(s, 9);
    const auto docs = nlohmann::json::parse(text_column(s, 10), nullptr, false);
    if (!docs.is_array()) return corrupt("missing_documents is not a JSON array");
    for (const auto& doc : docs) {
        if (!doc.is_string()) return corrupt("missing_documents holds a non-string");
        d.missing_documents.push_back(doc.get<std::string>());
    }
    if (sqlite3_column_type(s, 11) != SQLITE_NULL) d.fee_vnd = sqlite3_column_int64(s, 11);
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
    if (auto st = impl_->exec("BEGIN IMMEDIATE"); !st) return st.error();
    auto fail = [&](Error e) -> Result<std::size_t> {
        (void)impl_->exec("ROLLBACK");
        return e;
    };
    auto stmt = impl_->prepare(std::string("INSERT OR REPLACE INTO dossiers (") + kColumns +
                               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!stmt) return fail(stmt.error());
    sqlite3_stmt* s = stmt->get();
    for (const Dossier& d : *rows) {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        bind_text(s, 1, d.code.str());
        sqlite3_bind_int(s, 2, static_cast<int>(d.status));
        bind_text(s, 3, d.procedure_code);
        bind_text(s, 4, d.procedure_name);
        bind_text(s, 5, d.applicant_name);
        bind_time(s, 6, d.received_at);
        bind_time(s, 7, d.appointment_at);
        bind_time(s, 8, d.finished_at);
        bind_text(s, 9, std::string(dossier::delivery_name(d.delivery)));
        bind_text(s, 10, d.counter);
        bind_text(s, 11, nlohmann::json(d.missing_documents).dump());
        if (d.fee_vnd)
            sqlite3_bind_int64(s, 12, *d.fee_vnd);
        else
            sqlite3_bind_null(s, 12);
        if (sqlite3_step(s) != SQLITE_DONE) return fail(impl_->error("insert " + d.code.str()));
    }
    stmt->reset();
    if (auto st = impl_->exec("COMMIT"); !st) return fail(st.error());
    return rows->size();
}

Result<std::size_t> DossierStoreSqlite::count() {
    std::lock_guard lock(impl_->mutex);
    auto stmt = impl_->prepare("SELECT COUNT(*) FROM dossiers");
    if (!stmt) return stmt.error();
    if (sqlite3_step(stmt->get()) != SQLITE_ROW) return impl_->error("count");
    return static_cast<std::size_t>(sqlite3_column_int64(stmt->get(), 0));
}

} // namespace kiosk::store
