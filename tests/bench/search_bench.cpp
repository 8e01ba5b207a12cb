// Search benchmark: per-keystroke latency (p50/p99) of kiosk::search::SearchIndex on the bundled catalog and
// on a generated 10,000-procedure catalog, index build time, and the same figures for SQLite FTS5 (unicode61
// remove_diacritics 2, prefix queries) side by side, plus the top-3 hit rate of both on
// tests/unit/search/queries.tsv. Runs pinned to one CPU core. Prints figures; it is not a test.
//
// Usage: search_bench [--rounds N] [--procedures N]
// KIOSK_SEARCH_TEST_CATALOG=path uses another catalog file instead of the bundled one.
#include "tests/unit/search/query_set.hpp"

#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <sched.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::search::testing;
using Clock = std::chrono::steady_clock;

namespace {

double micros(Clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

// CPU time of this thread: the machine may be shared, and waiting for a core is not the search's cost.
double thread_cpu_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

struct Stats {
    double p50 = 0, p99 = 0, max = 0, mean = 0;
    std::size_t n = 0;
};

Stats stats_of(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.n = v.size();
    s.p50 = v[v.size() / 2];
    s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    s.max = v.back();
    for (double x : v)
        s.mean += x;
    s.mean /= static_cast<double>(v.size());
    return s;
}

// Every prefix a user produces while typing the query, one code point at a time.
std::vector<std::string> keystrokes(const std::vector<TestQuery>& queries) {
    std::vector<std::string> out;
    for (const auto& q : queries) {
        std::size_t pos = 0;
        while (pos < q.query.size()) {
            (void)text::decode_next(q.query, pos);
            out.push_back(q.query.substr(0, pos));
        }
    }
    return out;
}

struct Timing {
    Stats cpu, wall;
};

template <class Fn> Timing time_keystrokes(const std::vector<std::string>& strokes, int rounds, Fn&& search) {
    std::vector<double> cpu, wall;
    cpu.reserve(strokes.size() * static_cast<std::size_t>(rounds));
    wall.reserve(cpu.capacity());
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        for (const auto& s : strokes) {
            const double c0 = thread_cpu_us();
            const auto t0 = Clock::now();
            sink += search(s);
            wall.push_back(micros(Clock::now() - t0));
            cpu.push_back(thread_cpu_us() - c0);
        }
    }
    if (sink == 0) std::puts("(no results at all)");
    return Timing{stats_of(std::move(cpu)), stats_of(std::move(wall))};
}

// A large catalog made by recombining the real one: names with other actions and other names' endings,
// keywords and documents drawn from the whole pool. Deterministic (fixed seed).
catalog::Catalog generate(const catalog::Catalog& real, std::size_t count) {
    std::mt19937 rng(20261127);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    std::vector<std::string> keyword_pool, tails;
    std::vector<catalog::Document> doc_pool;
    for (const auto& p : real.procedures) {
        keyword_pool.insert(keyword_pool.end(), p.keywords.begin(), p.keywords.end());
        doc_pool.insert(doc_pool.end(), p.documents.begin(), p.documents.end());
        // endings of names: "đối với ...", "cho ...", "(...)"
        for (const char* cut : {" đối với ", " cho ", " trong ", " của ", " ("}) {
            const auto at = p.name.find(cut);
            if (at != std::string::npos) tails.push_back(p.name.substr(at));
        }
    }
    const char* actions[] = {
        "",          "",     "",         "Cấp lại ",   "Điều chỉnh ", "Gia hạn ", "Đăng ký thay đổi ",
        "Xác nhận ", "Hủy ", "Cấp đổi ", "Thông báo ", "Đính chính "};
    const char* units[] = {"", "", " (cấp xã)", " (cấp tỉnh)", " tại Hà Nội", " cho người nước ngoài"};
    catalog::Catalog out;
    out.format = real.format;
    out.fields = real.fields;
    out.procedures.reserve(count);
    const std::size_t n = real.procedures.size();
    for (std::size_t i = 0; i < count; ++i) {
        catalog::Procedure p = real.procedures[i % n];
        char code[32];
        std::snprintf(code, sizeof code, "G.%06zu", i);
        p.code = code;
        if (i >= n) {
            const std::string action = actions[pick(std::size(actions))];
            std::string name = p.name;
            if (!action.empty() && !name.empty())
                name = action + text::to_lower(name.substr(0, 3)) + name.substr(3);
            if (!tails.empty() && pick(3) == 0) name += tails[pick(tails.size())];
            name += units[pick(std::size(units))];
            p.name = name;
            p.keywords.clear();
            for (std::size_t k = pick(5); k > 0 && !keyword_pool.empty(); --k)
                p.keywords.push_back(keyword_pool[pick(keyword_pool.size())]);
            for (std::size_t k = pick(4); k > 0 && !doc_pool.empty(); --k)
                p.documents.push_back(doc_pool[pick(doc_pool.size())]);
        }
        out.procedures.push_back(std::move(p));
    }
    return out;
}

void print_row(const char* what, const Timing& t) {
    std::printf("  %-34s CPU  p50 %8.1f us  p99 %8.1f us  max %8.1f us  mean %7.1f us  (%zu keystrokes)\n",
                what, t.cpu.p50, t.cpu.p99, t.cpu.max, t.cpu.mean, t.cpu.n);
    std::printf("  %-34s wall p50 %8.1f us  p99 %8.1f us  max %8.1f us  mean %7.1f us\n", "", t.wall.p50,
                t.wall.p99, t.wall.max, t.wall.mean);
}

} // namespace

int main(int argc, char** argv) {
    int rounds = 3;
    std::size_t generated = 10000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--procedures") == 0)
            generated = static_cast<std::size_t>(std::max(1, std::atoi(argv[i + 1])));
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(static_cast<int>(sched_getcpu() < 0 ? 0 : sched_getcpu()), &one);
    const bool pinned = sched_setaffinity(0, sizeof one, &one) == 0;

    try {
        const char* override_path = std::getenv("KIOSK_SEARCH_TEST_CATALOG");
        const std::string catalog_path =
            override_path ? override_path
                          : std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/catalog/procedures.json";
        const std::string catalog_text = read_text_file(catalog_path);
        const std::string synonyms_path = std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/catalog/synonyms.tsv";
        const std::string synonyms_text = read_text_file(synonyms_path);
        const auto queries = load_queries(std::string(KIOSK_TEST_DATA_DIR) + "/unit/search/queries.tsv");
        const auto strokes = keystrokes(queries);
        std::printf("search_bench: %s one core; %zu queries, %zu keystrokes, %d rounds\n",
                    pinned ? "pinned to" : "NOT pinned to", queries.size(), strokes.size(), rounds);

        // 1. Bundled catalog: load (parse + validate) + synonyms + index build, best and median of 20.
        std::vector<double> load_ms, build_ms, total_ms, cpu_ms;
        catalog::Catalog bundled;
        search::SearchIndex index;
        for (int r = 0; r < 20; ++r) {
            const double c0 = thread_cpu_us();
            const auto t0 = Clock::now();
            auto cat = catalog::load_catalog(catalog_text);
            if (!cat.ok()) throw std::runtime_error(catalog_path + ": " + cat.error().message);
            const auto t1 = Clock::now();
            auto syn = search::parse_synonyms(synonyms_text, synonyms_path);
            if (!syn.ok()) throw std::runtime_error(syn.error().message);
            index = search::SearchIndex::build(cat.value(), syn.value());
            const auto t2 = Clock::now();
            cpu_ms.push_back((thread_cpu_us() - c0) / 1000);
            load_ms.push_back(micros(t1 - t0) / 1000);
            build_ms.push_back(micros(t2 - t1) / 1000);
            total_ms.push_back(micros(t2 - t0) / 1000);
            bundled = std::move(cat).value();
        }
        const Stats ls = stats_of(load_ms), bs = stats_of(build_ms), ts = stats_of(total_ms);
        std::printf("\nBundled catalog: %zu procedures, %zu index terms\n", bundled.procedures.size(),
                    index.term_count());
        std::printf("  catalog load %.2f ms + synonyms & index build %.2f ms = %.2f ms wall, %.2f ms CPU "
                    "(median of 20; max total %.2f ms wall)\n",
                    ls.p50, bs.p50, ts.p50, stats_of(cpu_ms).p50, ts.max);

        const search::SynonymTable synonyms = search::parse_synonyms(synonyms_text, synonyms_path).value();
        Fts5Baseline fts_small(bundled);
        print_row("ours, bundled catalog", time_keystrokes(strokes, rounds, [&](const std::string& q) {
                      return index.search(q, 10).size();
                  }));
        print_row("SQLite FTS5, bundled catalog", time_keystrokes(strokes, rounds, [&](const std::string& q) {
                      return fts_small.search(q, 10).size();
                  }));

        // 2. Hit rate on the query set (bundled catalog): both halves, the held-out one never used to tune.
        for (const char* set : {"tune", "held"}) {
            const auto half = only_set(queries, set);
            const Evaluation o = evaluate(bundled, half, our_search(index));
            const Evaluation f = evaluate(bundled, half, fts5_search(fts_small));
            std::printf(
                "Top-3 hit rate, %s half (%zu queries): ours %zu = %.1f %%, SQLite FTS5 %zu = %.1f %%\n",
                std::string(set) == "tune" ? "tuning" : "held-out", o.total, o.hits, 100 * o.rate(), f.hits,
                100 * f.rate());
        }
        const Evaluation ours = evaluate(bundled, queries, our_search(index));
        const Evaluation theirs = evaluate(bundled, queries, fts5_search(fts_small));
        std::printf(
            "\nTop-3 hit rate on queries.tsv (%zu queries): ours %zu = %.1f %%, SQLite FTS5 %zu = %.1f %%\n",
            ours.total, ours.hits, 100 * ours.rate(), theirs.hits, 100 * theirs.rate());
        for (const auto& f : ours.failures)
            std::printf("  ours miss: %s\n", f.c_str());
        for (const auto& f : theirs.failures)
            std::printf("  fts5 miss: %s\n", f.c_str());

        // 3. Generated large catalog.
        const catalog::Catalog big = generate(bundled, generated);
        auto t0 = Clock::now();
        const search::SearchIndex big_index = search::SearchIndex::build(big, synonyms);
        const double big_build = micros(Clock::now() - t0) / 1000;
        t0 = Clock::now();
        Fts5Baseline fts_big(big);
        const double fts_build = micros(Clock::now() - t0) / 1000;
        std::printf("\nGenerated catalog: %zu procedures, %zu index terms\n", big.procedures.size(),
                    big_index.term_count());
        std::printf("  index build: ours %.1f ms, SQLite FTS5 (in-memory insert) %.1f ms\n", big_build,
                    fts_build);
        const Timing ob = time_keystrokes(
            strokes, rounds, [&](const std::string& q) { return big_index.search(q, 10).size(); });
        const Timing fb = time_keystrokes(strokes, rounds,
                                          [&](const std::string& q) { return fts_big.search(q, 10).size(); });
        print_row("ours, generated catalog", ob);
        print_row("SQLite FTS5, generated catalog", fb);
        std::printf(
            "\nTargets: CPU p99 per keystroke <= 1000 us on %zu procedures: %s (%.1f us; wall p99 %.1f us); "
            "bundled load + build <= 50 ms: %s (%.2f ms wall)\n",
            big.procedures.size(), ob.cpu.p99 <= 1000 ? "MET" : "MISSED", ob.cpu.p99, ob.wall.p99,
            ts.p50 <= 50 ? "MET" : "MISSED", ts.p50);
        std::printf("load average now: see /proc/loadavg = ");
        if (FILE* f = std::fopen("/proc/loadavg", "r")) {
            char buf[128] = {};
            if (std::fgets(buf, sizeof buf, f)) std::fputs(buf, stdout);
            std::fclose(f);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "search_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
