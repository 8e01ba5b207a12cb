#pragma once
// Test helpers shared by query_set_test.cpp and tests/bench/search_bench.cpp: the query test set
// (queries.tsv), the bundled catalog and synonyms, and a plain SQLite FTS5 baseline to compare against.
// The baseline is what an application would get from FTS5 alone: unicode61 with remove_diacritics 2,
// bm25 ranking with column weights, every word as a term, the last word as a prefix, AND then OR.
// It is test code: errors throw std::runtime_error.

#include "kiosk/core/catalog/loader.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/core/search/synonyms.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::search::testing {

struct TestQuery {
    std::string query;
    std::vector<std::string> expected; // any of these codes in the top 3 is a hit
    std::string kind;
    int line = 0;
    std::string set; // "tune" (tuning half) or "held" (held-out half, never used to tune); empty = untagged
};

// The queries of one half of the set ("tune" or "held").
inline std::vector<TestQuery> only_set(const std::vector<TestQuery>& queries, const std::string& set) {
    std::vector<TestQuery> out;
    for (const auto& q : queries)
        if (q.set == set) out.push_back(q);
    return out;
}

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

inline std::vector<TestQuery> load_queries(const std::string& path) {
    std::vector<TestQuery> queries;
    std::istringstream in(read_text_file(path));
    std::string line;
    int no = 0;
    while (std::getline(in, line)) {
        ++no;
        if (line.empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() < 2 || cols[0].empty() || cols[1].empty())
            throw std::runtime_error(path + " line " + std::to_string(no) +
                                     ": expected query<TAB>codes[<TAB>kind]");
        queries.push_back(TestQuery{cols[0], split(cols[1], ','), cols.size() > 2 ? cols[2] : "", no,
                                    cols.size() > 3 ? cols[3] : ""});
    }
    return queries;
}

inline std::string assets_dir() {
    return KIOSK_DEFAULT_ASSETS_DIR;
}

// KIOSK_SEARCH_TEST_CATALOG=path evaluates another catalog file (e.g. a newer sync) with the same queries.
inline catalog::Catalog load_bundled_catalog() {
    const char* override_path = std::getenv("KIOSK_SEARCH_TEST_CATALOG");
    const std::string path = override_path ? override_path : assets_dir() + "/catalog/procedures.json";
    auto text = catalog::read_catalog_text(path);
    if (!text.ok()) throw std::runtime_error(text.error().message);
    auto cat = catalog::load_catalog(text.value());
    if (!cat.ok()) throw std::runtime_error(path + ": " + cat.error().message);
    return std::move(cat).value();
}

inline SynonymTable load_bundled_synonyms() {
    const std::string path = assets_dir() + "/catalog/synonyms.tsv";
    auto table = parse_synonyms(read_text_file(path), path);
    if (!table.ok()) throw std::runtime_error(table.error().message);
    return std::move(table).value();
}

// Ranked procedure indices for a query.
using SearchFn = std::function<std::vector<std::size_t>(const std::string& query, std::size_t limit)>;

struct Evaluation {
    std::size_t total = 0, hits = 0;
    std::vector<std::string> failures; // "line N: query → got a, b, c; expected x"
    [[nodiscard]] double rate() const { return total == 0 ? 0.0 : static_cast<double>(hits) / total; }
};

inline Evaluation evaluate(const catalog::Catalog& cat, const std::vector<TestQuery>& queries,
                           const SearchFn& fn, std::size_t top = 3) {
    Evaluation ev;
    for (const auto& q : queries) {
        ++ev.total;
        const auto ranked = fn(q.query, top);
        bool hit = false;
        std::string got;
        for (std::size_t i = 0; i < ranked.size() && i < top; ++i) {
            const std::string& code = cat.procedures[ranked[i]].code;
            hit = hit || std::find(q.expected.begin(), q.expected.end(), code) != q.expected.end();
            got += (i ? ", " : "") + code;
        }
        if (hit) {
            ++ev.hits;
        } else {
            std::string expected;
            for (const auto& e : q.expected)
                expected += (expected.empty() ? "" : ",") + e;
            ev.failures.push_back("line " + std::to_string(q.line) + " [" + q.kind + "] \"" + q.query +
                                  "\" → got [" + got + "], expected " + expected);
        }
    }
    return ev;
}

inline SearchFn our_search(const SearchIndex& index) {
    return [&index](const std::string& q, std::size_t limit) {
        std::vector<std::size_t> out;
        for (const auto& h : index.search(q, limit))
            out.push_back(h.procedure);
        return out;
    };
}

// SQLite FTS5 over the same fields, in memory.
class Fts5Baseline {
  public:
    explicit Fts5Baseline(const catalog::Catalog& cat) {
        if (sqlite3_open(":memory:", &db_) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
        exec("CREATE VIRTUAL TABLE p USING fts5(code, name, keywords, other, documents, "
             "tokenize = 'unicode61 remove_diacritics 2')");
        exec("BEGIN");
        sqlite3_stmt* ins =
            prepare("INSERT INTO p(rowid, code, name, keywords, other, documents) VALUES (?,?,?,?,?,?)");
        for (std::size_t i = 0; i < cat.procedures.size(); ++i) {
            const auto& p = cat.procedures[i];
            std::string keywords, other = p.name_en + "\n" + p.result, docs;
            for (const auto& k : p.keywords)
                keywords += k + "\n";
            if (const auto* f = cat.find_field(p.field)) other += "\n" + f->name.vi + "\n" + f->name.en;
            for (const auto& d : p.documents)
                docs += d.name + "\n";
            sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i));
            const std::string* cols[] = {&p.code, &p.name, &keywords, &other, &docs};
            for (int c = 0; c < 5; ++c)
                sqlite3_bind_text(ins, c + 2, cols[c]->c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(ins) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        exec("COMMIT");
        select_ = prepare(
            "SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p, 10.0, 10.0, 5.0, 2.0, 1.0) LIMIT ?");
    }
    ~Fts5Baseline() {
        sqlite3_finalize(select_);
        sqlite3_close(db_);
    }
    Fts5Baseline(const Fts5Baseline&) = delete;
    Fts5Baseline& operator=(const Fts5Baseline&) = delete;

    // Every word quoted (so FTS5 syntax in the input is harmless), the unfinished last word as a prefix;
    // all words (AND) first, any word (OR) when that finds nothing.
    [[nodiscard]] std::vector<std::size_t> search(const std::string& query, std::size_t limit) {
        std::vector<std::string> words;
        std::string cur;
        for (char c : query) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || std::isalnum(u)) {
                cur.push_back(c);
            } else if (!cur.empty()) {
                words.push_back(cur);
                cur.clear();
            }
        }
        const bool typing = !cur.empty();
        if (!cur.empty()) words.push_back(cur);
        if (words.empty()) return {};
        std::string and_q, or_q;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string term = "\"" + words[i] + "\"" + (typing && i + 1 == words.size() ? "*" : "");
            and_q += (i ? " " : "") + term;
            or_q += (i ? " OR " : "") + term;
        }
        auto out = run(and_q, limit);
        if (out.empty() && words.size() > 1) out = run(or_q, limit);
        return out;
    }

  private:
    std::vector<std::size_t> run(const std::string& match, std::size_t limit) {
        std::vector<std::size_t> out;
        sqlite3_reset(select_);
        sqlite3_bind_text(select_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(select_, 2, static_cast<sqlite3_int64>(limit));
        while (sqlite3_step(select_) == SQLITE_ROW)
            out.push_back(static_cast<std::size_t>(sqlite3_column_int64(select_, 0)));
        return out;
    }
    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error(std::string(sql) + ": " + msg);
        }
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
        return st;
    }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* select_ = nullptr;
};

inline SearchFn fts5_search(Fts5Baseline& fts) {
    return [&fts](const std::string& q, std::size_t limit) { return fts.search(q, limit); };
}

} // namespace kiosk::search::testing
