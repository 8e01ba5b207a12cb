#include "kiosk/core/search/search_index.hpp"

#include "kiosk/core/search/words.hpp"
#include "kiosk/core/text/normalize.hpp"
#include "kiosk/core/text/tokenize.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace kiosk::search {
namespace {

// Where a word occurs in a procedure; synonym bits mean "an everyday word whose official wording occurs
// there".
enum FieldBit : std::uint8_t {
    kName = 1,
    kKeyword = 2,
    kOther = 4, // English name, result, field name
    kDocument = 8,
    kSynName = 16,
    kSynKeyword = 32,
    kSynDocument = 64,
};

float field_weight(std::uint8_t bits) {
    // name > keywords > other > documents; a synonym counts a little less than the wording it stands for
    constexpr float kWeights[7] = {3.0f, 2.0f, 1.2f, 1.0f, 2.7f, 1.8f, 0.9f};
    float w = 0;
    for (int b = 0; b < 7; ++b) {
        if (bits & (1u << b)) w = std::max(w, kWeights[b]);
    }
    return w;
}

constexpr float kFillerWeight = 0.25f;
constexpr float kExact = 1.0f;
constexpr float kSplit = 0.95f; // a part of words run together
// When the user types diacritics, a word that matches only without them ("chung" for "chứng") is a weaker
// match.
constexpr float kAccentMiss = 0.75f;
constexpr char kAccentMarker =
    '\x01'; // accent terms ("\x01chứng") sort before, and never mix with, folded terms
constexpr std::size_t kMaxQueryWords = 24;
constexpr std::size_t kRerankCandidates = 64;
constexpr std::size_t kMaxWordBytes = 40;

struct Posting {
    std::uint32_t proc;
    float weight; // field_weight() of the fields the word occurs in
};

struct NameWord {
    std::uint32_t term;
    std::uint32_t accent_term;
    std::uint32_t begin, end; // bytes in the original name
    bool filler;
    bool space_before; // only a space separates it from the previous word
};

struct SynWord {
    std::uint32_t term;        // the everyday phrase ("so_do")
    std::uint16_t first, last; // name words covered by the official wording
};

struct ProcEntry {
    std::vector<NameWord> name;
    std::vector<SynWord> syn;
    std::uint16_t content_words = 1;
    std::string code; // lowercase
    std::size_t name_bytes = 0;
};

struct Match {
    std::uint32_t term;
    float quality;
    std::uint32_t idf_of;  // accent terms score with the idf of their folded word
    bool highlight = true; // false for matches that only hold without the diacritics the user typed
};

struct QueryWord {
    std::string text;
    std::string accent; // kAccentMarker + lowercase NFC as typed
    bool filler = false;
    std::vector<Match> matches;
    float confidence = 1.0f; // a word still being typed says little while it is short ("s")
};

std::vector<std::string> words_of(const std::vector<text::Token>& tokens) {
    std::vector<std::string> words;
    words.reserve(tokens.size());
    for (const auto& t : tokens) {
        words.push_back(t.folded.size() > kMaxWordBytes ? t.folded.substr(0, kMaxWordBytes) : t.folded);
        detail::canonicalize_word(words.back());
    }
    return words;
}

std::string accent_key(std::string_view source, const text::Token& t) {
    const std::string_view word = source.substr(t.begin, std::min(t.end - t.begin, kMaxWordBytes * 2));
    std::string key(1, kAccentMarker);
    // Combining marks U+0300..U+036F start with byte 0xCC or 0xCD; without them NFC changes nothing here.
    const bool has_marks = word.find_first_of("\xCC\xCD") != std::string_view::npos;
    key += text::to_lower(has_marks ? std::string_view(text::nfc(word)) : word);
    return key;
}

std::vector<std::string> accents_of(std::string_view source, const std::vector<text::Token>& tokens) {
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    for (const auto& t : tokens)
        keys.push_back(accent_key(source, t));
    return keys;
}

bool is_alpha(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

struct SearchIndex::Impl {
    std::vector<std::string> terms; // sorted, so prefixes are contiguous ranges
    std::vector<float> idf;
    std::vector<std::uint32_t> df;
    std::vector<unsigned> masks;
    std::vector<std::uint32_t> post_begin; // terms.size() + 1 offsets into postings
    std::vector<Posting> postings;
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::vector<std::vector<std::uint32_t>> alpha_by_length; // for typo search
    std::vector<ProcEntry> procs;

    [[nodiscard]] const std::uint32_t* find(std::string_view w) const {
        const auto it = ids.find(w);
        return it == ids.end() ? nullptr : &it->second;
    }
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> prefix_range(std::string_view p) const;
    [[nodiscard]] std::vector<std::string> segment(std::string_view w, bool last_is_prefix) const;
    void expand(std::string_view w, bool prefix, float base, std::vector<Match>& out) const;
    [[nodiscard]] std::vector<QueryWord> analyse(std::string_view query) const;
};

// ---------------------------------------------------------------- build

namespace {

struct Builder {
    std::unordered_map<std::string, std::uint32_t> tmp_ids;
    std::vector<std::string> tmp_terms;

    std::uint32_t intern(const std::string& w) {
        auto [it, inserted] = tmp_ids.try_emplace(w, static_cast<std::uint32_t>(tmp_terms.size()));
        if (inserted) tmp_terms.push_back(w);
        return it->second;
    }
};

// An everyday phrase is one term, its words joined by '_' ("so_do"): it matches only when the query holds the
// whole phrase, so the common word "giấy" of "giấy chứng tử" does not pull in everything official about
// deaths.
struct PreparedSynonym {
    std::vector<std::string> official;
    std::string everyday;
};

constexpr char kPhraseJoin = '_';

std::string join_phrase(const std::vector<std::string>& words, std::size_t from, std::size_t count) {
    std::string key;
    for (std::size_t k = from; k < from + count; ++k) {
        if (k > from) key.push_back(kPhraseJoin);
        key += words[k];
    }
    return key;
}

struct FieldText {
    std::vector<text::Token> tokens;
    std::vector<std::string> words;
    std::vector<std::string> accents;
    std::uint8_t bit;
};

std::uint8_t synonym_bit(std::uint8_t field) {
    if (field == kName) return kSynName;
    if (field == kDocument) return kSynDocument;
    return kSynKeyword;
}

} // namespace

SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;
SearchIndex::~SearchIndex() = default;

SearchIndex SearchIndex::build(const catalog::Catalog& catalog, const SynonymTable& synonyms) {
    SearchIndex index;
    Impl& ix = *index.impl_;
    Builder b;

    // Official wordings, looked up by their first word while scanning each text.
    std::vector<PreparedSynonym> syns;
    std::unordered_map<std::string, std::vector<std::size_t>> syn_by_first;
    for (const auto& s : synonyms.entries) {
        const auto everyday = words_of(text::tokenize(s.everyday));
        PreparedSynonym p{words_of(text::tokenize(s.official)), join_phrase(everyday, 0, everyday.size())};
        if (p.official.empty() || p.everyday.empty()) continue;
        syn_by_first[p.official.front()].push_back(syns.size());
        syns.push_back(std::move(p));
    }

    const std::size_t n = catalog.procedures.size();
    ix.procs.resize(n);
    std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> occurrences(n);
    std::vector<FieldText> texts;
    for (std::size_t p = 0; p < n; ++p) {
        const catalog::Procedure& proc = catalog.procedures[p];
        texts.clear();
        const auto add = [&](std::string_view s, std::uint8_t bit) {
            if (s.empty()) return;
            FieldText t{text::tokenize(s), {}, {}, bit};
            t.words = words_of(t.tokens);
            t.accents = accents_of(s, t.tokens);
            texts.push_back(std::move(t));
        };
        add(proc.name, kName);
        for (const auto& k : proc.keywords)
            add(k, kKeyword);
        add(proc.name_en, kOther);
        add(proc.result, kOther);
        if (const catalog::Field* f = catalog.find_field(proc.field)) {
            add(f->name.vi, kOther);
            add(f->name.en, kOther);
        }
        for (const auto& d : proc.documents)
            add(d.name, kDocument);

        auto& occ = occurrences[p];
        ProcEntry& entry = ix.procs[p];
        entry.code = text::fold(proc.code);
        entry.name_bytes = proc.name.size();
        for (const FieldText& t : texts) {
            for (const auto& w : t.words)
                occ.emplace_back(b.intern(w), t.bit);
            for (const auto& a : t.accents)
                occ.emplace_back(b.intern(a), t.bit);
            for (std::size_t i = 0; i < t.words.size(); ++i) {
                const auto it = syn_by_first.find(t.words[i]);
                if (it == syn_by_first.end()) continue;
                for (std::size_t si : it->second) {
                    const auto& off = syns[si].official;
                    if (i + off.size() > t.words.size() ||
                        !std::equal(off.begin(), off.end(), t.words.begin() + i))
                        continue;
                    const std::uint32_t id = b.intern(syns[si].everyday);
                    occ.emplace_back(id, synonym_bit(t.bit));
                    if (t.bit == kName && i + off.size() <= 0xFFFF) {
                        entry.syn.push_back(SynWord{id, static_cast<std::uint16_t>(i),
                                                    static_cast<std::uint16_t>(i + off.size() - 1)});
                    }
                }
            }
        }
        if (!texts.empty() && texts.front().bit == kName) {
            const FieldText& name = texts.front();
            const std::vector<bool> fillers = detail::mark_fillers(name.words);
            std::size_t content = 0;
            for (std::size_t i = 0; i < name.words.size(); ++i) {
                const std::size_t begin = name.tokens[i].begin;
                const bool space_before =
                    i > 0 && begin == name.tokens[i - 1].end + 1 && proc.name[begin - 1] == ' ';
                entry.name.push_back(NameWord{b.tmp_ids.at(name.words[i]), b.tmp_ids.at(name.accents[i]),
                                              static_cast<std::uint32_t>(begin),
                                              static_cast<std::uint32_t>(name.tokens[i].end), fillers[i],
                                              space_before});
                content += fillers[i] ? 0 : 1;
            }
            entry.content_words = static_cast<std::uint16_t>(std::clamp<std::size_t>(content, 1, 0xFFFF));
        }
    }

    // Final term ids follow the sorted order of the words.
    const std::size_t t = b.tmp_terms.size();
    std::vector<std::uint32_t> order(t);
    for (std::uint32_t i = 0; i < t; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t x, std::uint32_t y) { return b.tmp_terms[x] < b.tmp_terms[y]; });
    std::vector<std::uint32_t> remap(t);
    ix.terms.resize(t);
    for (std::uint32_t i = 0; i < t; ++i) {
        remap[order[i]] = i;
        ix.terms[i] = std::move(b.tmp_terms[order[i]]);
    }

    // Postings: one per (term, procedure) with the OR of the fields it occurs in.
    ix.df.assign(t, 0);
    for (auto& occ : occurrences) {
        for (auto& [id, bits] : occ)
            id = remap[id];
        std::sort(occ.begin(), occ.end());
        std::size_t w = 0;
        for (std::size_t r = 0; r < occ.size(); ++r) {
            if (w > 0 && occ[w - 1].first == occ[r].first) {
                occ[w - 1].second |= occ[r].second;
            } else {
                occ[w++] = occ[r];
            }
        }
        occ.resize(w);
        for (const auto& o : occ)
            ++ix.df[o.first];
    }
    ix.post_begin.assign(t + 1, 0);
    for (std::size_t i = 0; i < t; ++i)
        ix.post_begin[i + 1] = ix.post_begin[i] + ix.df[i];
    ix.postings.resize(ix.post_begin[t]);
    std::vector<std::uint32_t> fill(ix.post_begin.begin(), ix.post_begin.end() - 1);
    for (std::uint32_t p = 0; p < n; ++p) {
        for (const auto& [id, bits] : occurrences[p])
            ix.postings[fill[id]++] = Posting{p, field_weight(bits)};
    }

    ix.idf.resize(t);
    ix.masks.resize(t);
    ix.ids.reserve(t);
    for (std::uint32_t i = 0; i < t; ++i) {
        const double d = ix.df[i];
        ix.idf[i] = static_cast<float>(std::max(0.05, std::log(1.0 + (n - d + 0.5) / (d + 0.5))));
        ix.masks[i] = detail::letter_mask(ix.terms[i]);
        ix.ids.emplace(ix.terms[i], i);
        if (is_alpha(ix.terms[i])) {
            const std::size_t len = ix.terms[i].size();
            if (ix.alpha_by_length.size() <= len) ix.alpha_by_length.resize(len + 1);
            ix.alpha_by_length[len].push_back(i);
        }
    }
    for (auto& entry : ix.procs) {
        for (auto& w : entry.name) {
            w.term = remap[w.term];
            w.accent_term = remap[w.accent_term];
        }
        for (auto& s : entry.syn)
            s.term = remap[s.term];
    }
    return index;
}

std::size_t SearchIndex::procedure_count() const {
    return impl_->procs.size();
}
std::size_t SearchIndex::term_count() const {
    return impl_->terms.size();
}

// ---------------------------------------------------------------- query analysis

std::pair<std::uint32_t, std::uint32_t> SearchIndex::Impl::prefix_range(std::string_view p) const {
    const auto lo =
        std::lower_bound(terms.begin(), terms.end(), p,
                         [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
    auto hi = lo;
    while (hi != terms.end() && std::string_view(*hi).substr(0, p.size()) == p)
        ++hi;
    return {static_cast<std::uint32_t>(lo - terms.begin()), static_cast<std::uint32_t>(hi - terms.begin())};
}

// Splits words typed together ("dangky", "khaisinh") into the fewest known words; ties go to the split whose
// words are more common. The last part may be an unfinished word when the user is still typing.
std::vector<std::string> SearchIndex::Impl::segment(std::string_view w, bool last_is_prefix) const {
    const std::size_t n = w.size();
    if (n < 4 || n > kMaxWordBytes || !is_alpha(w)) return {};
    constexpr std::size_t kMaxPart = 8;
    struct Cell {
        int parts = -1;
        double score = 0;
        std::size_t from = 0;
    };
    std::vector<Cell> dp(n + 1);
    dp[0].parts = 0;
    std::string piece;
    const auto better = [](const Cell& c, int parts, double score) {
        return c.parts < 0 || parts < c.parts || (parts == c.parts && score > c.score);
    };
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t len = 2; len <= std::min(kMaxPart, i); ++len) {
            const Cell& prev = dp[i - len];
            if (prev.parts < 0) continue;
            piece.assign(w.substr(i - len, len));
            detail::canonicalize_word(piece);
            const std::uint32_t* id = find(piece);
            if (id == nullptr) continue;
            const double score = prev.score + std::log(1.0 + df[*id]);
            if (better(dp[i], prev.parts + 1, score)) dp[i] = Cell{prev.parts + 1, score, i - len};
        }
    }
    Cell end = dp[n];
    if (last_is_prefix) {
        for (std::size_t j = n - 1; j + kMaxPart >= n && j >= 2; --j) {
            if (dp[j].parts < 0) continue;
            const auto [lo, hi] = prefix_range(w.substr(j));
            if (lo == hi) continue;
            const double score = dp[j].score + 0.5;
            if (better(end, dp[j].parts + 1, score)) end = Cell{dp[j].parts + 1, score, j};
        }
    }
    if (end.parts < 2) return {};
    std::vector<std::string> parts;
    std::size_t at = n;
    Cell cell = end;
    while (at > 0) {
        parts.emplace_back(w.substr(cell.from, at - cell.from));
        at = cell.from;
        cell = dp[at];
    }
    std::reverse(parts.begin(), parts.end());
    for (auto& p : parts)
        detail::canonicalize_word(p);
    return parts;
}

void SearchIndex::Impl::expand(std::string_view w, bool prefix, float base, std::vector<Match>& out) const {
    const std::uint32_t* exact = find(w);
    if (exact != nullptr) out.push_back({*exact, base * kExact, *exact});
    if (!prefix) return;
    const auto [lo, hi] = prefix_range(w);
    std::vector<std::uint32_t> completions;
    for (std::uint32_t t = lo; t < hi; ++t) {
        if (exact == nullptr || t != *exact) completions.push_back(t);
    }
    // One or two letters complete to hundreds of words: keep the most common ones, which is also what the
    // user most likely means; this bounds the work per keystroke.
    const std::size_t cap = w.size() == 1 ? 6 : w.size() == 2 ? 16 : 64;
    if (completions.size() > cap) {
        std::nth_element(
            completions.begin(), completions.begin() + static_cast<std::ptrdiff_t>(cap), completions.end(),
            [&](std::uint32_t a, std::uint32_t b) { return df[a] > df[b] || (df[a] == df[b] && a < b); });
        completions.resize(cap);
    }
    for (std::uint32_t t : completions) {
        // A longer completion is a weaker guess than a near-complete one.
        const float completion = static_cast<float>(w.size()) / static_cast<float>(terms[t].size());
        out.push_back({t, base * (0.6f + 0.3f * completion), t});
    }
}

std::vector<QueryWord> SearchIndex::Impl::analyse(std::string_view query) const {
    std::vector<text::Token> tokens = text::tokenize(query);
    if (tokens.size() > kMaxQueryWords) tokens.resize(kMaxQueryWords);
    if (tokens.empty()) return {};
    const bool typing = tokens.back().end == query.size(); // no space after the last word yet
    const std::vector<std::string> words = words_of(tokens);
    const std::vector<std::string> accents = accents_of(query, tokens);
    const std::vector<bool> fillers = detail::mark_fillers(words);
    // Did the user type diacritics at all? Then "chung" means chung, not chứng.
    bool typed_accents = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        typed_accents = typed_accents || accents[i].size() != tokens[i].folded.size() + 1 ||
                        accents[i].compare(1, std::string::npos, tokens[i].folded) != 0;
    }

    std::vector<QueryWord> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const bool prefix = typing && i + 1 == words.size();
        QueryWord q{w, accents[i], fillers[i], {}};
        if (q.filler) {
            if (const std::uint32_t* id = find(w)) q.matches.push_back({*id, kExact, *id});
            out.push_back(std::move(q));
            continue;
        }
        expand(w, prefix, 1.0f, q.matches);
        if (prefix && find(w) == nullptr) q.confidence = std::min(1.0f, static_cast<float>(w.size()) / 3.0f);
        const bool has_marks = q.accent.compare(1, std::string::npos, tokens[i].folded) != 0;
        // Typing with diacritics means the exact wording counts more. A last word without marks may still be
        // unfinished (Telex/VNI add the tone last), so it keeps its plain prefix matches.
        if (typed_accents && !q.matches.empty() && (!prefix || has_marks)) {
            const std::uint32_t* folded = find(w);
            for (Match& m : q.matches) {
                m.quality *= kAccentMiss;
                m.highlight = false;
            }
            if (const std::uint32_t* accent = find(q.accent); accent != nullptr && folded != nullptr) {
                q.matches.push_back({*accent, kExact, *folded});
            }
        }
        const auto typo_matches = [&] {
            const unsigned max = w.size() >= 8 ? 2 : 1;
            const unsigned mask = detail::letter_mask(w);
            const std::size_t lo = w.size() - max;
            const std::size_t hi =
                std::min(w.size() + max, alpha_by_length.empty() ? 0 : alpha_by_length.size() - 1);
            for (std::size_t len = lo; len <= hi; ++len) {
                for (std::uint32_t t : alpha_by_length[len]) {
                    if (static_cast<unsigned>(std::popcount(mask ^ masks[t])) > 2 * max) continue;
                    const unsigned d = detail::bounded_distance(w, terms[t], max);
                    if (d <= max) q.matches.push_back({t, d == 1 ? 0.7f : 0.5f, t});
                }
            }
        };
        // A four-letter unknown word is more often a typo ("khia") than two words run together ("sodo").
        if (q.matches.empty() && w.size() == 4) typo_matches();
        if (q.matches.empty()) {
            const std::vector<std::string> parts = segment(w, prefix);
            if (!parts.empty()) {
                for (std::size_t k = 0; k < parts.size(); ++k) {
                    QueryWord part{parts[k], {}, false, {}};
                    expand(parts[k], prefix && k + 1 == parts.size(), kSplit, part.matches);
                    out.push_back(std::move(part));
                }
                continue;
            }
        }
        if (q.matches.empty() && w.size() > 4) typo_matches();
        out.push_back(std::move(q));
    }

    // Everyday phrases from the synonym table ("sổ đỏ" → "so_do"), also while the last word is being typed.
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (std::size_t len = 1; len <= 4 && i + len <= out.size(); ++len) {
            std::vector<std::string> texts;
            for (std::size_t k = i; k < i + len; ++k)
                texts.push_back(out[k].text);
            const std::string key = join_phrase(texts, 0, len);
            const bool last = i + len == out.size() && typing;
            std::pair<std::uint32_t, std::uint32_t> range{0, 0};
            if (const std::uint32_t* id = find(key)) range = {*id, *id + 1};
            if (len > 1 && last && range.first == range.second) range = prefix_range(key);
            for (std::uint32_t t = range.first; t < range.second && t < range.first + 8; ++t) {
                if (len == 1 && terms[t].find(kPhraseJoin) == std::string::npos) continue; // a plain word
                if (len > 1 && terms[t].find(kPhraseJoin) == std::string::npos) continue;
                const float quality = terms[t].size() == key.size() ? kExact : 0.9f;
                for (std::size_t k = i; k < i + len; ++k) {
                    out[k].matches.push_back({t, quality, t});
                    out[k].filler = false; // "chưa" in "chưa vợ" means something
                }
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------- search

std::vector<SearchHit> SearchIndex::search(std::string_view query, std::size_t limit) const {
    const Impl& ix = *impl_;
    const std::size_t n = ix.procs.size();
    if (limit == 0 || n == 0) return {};
    const std::vector<QueryWord> words = ix.analyse(query);
    if (words.empty()) return {};

    // Phase 1: a score per procedure from the postings of every matched word.
    std::vector<float> total(n, 0.0f), best(n, 0.0f);
    std::vector<std::uint32_t> covered(n, 0);
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<std::uint32_t> touched, touched_word;
    std::vector<float> importance(words.size(), 0.0f);
    float importance_sum = 0;
    for (std::size_t i = 0; i < words.size() && i < 32; ++i) {
        const QueryWord& q = words[i];
        const float weight = q.filler ? kFillerWeight : 1.0f;
        const std::uint32_t bit = q.filler ? 0u : 1u << i;
        for (const Match& m : q.matches)
            importance[i] = std::max(importance[i], q.confidence * ix.idf[m.idf_of]);
        if (!q.filler) importance_sum += importance[i];
        if (q.matches.size() == 1) { // the common case: no max over alternatives needed
            const Match& m = q.matches.front();
            const float w = weight * q.confidence * m.quality * ix.idf[m.idf_of];
            for (std::uint32_t k = ix.post_begin[m.term]; k < ix.post_begin[m.term + 1]; ++k) {
                const Posting& p = ix.postings[k];
                if (!seen[p.proc]) {
                    seen[p.proc] = 1;
                    touched.push_back(p.proc);
                }
                total[p.proc] += w * p.weight;
                covered[p.proc] |= bit;
            }
            continue;
        }
        touched_word.clear();
        for (const Match& m : q.matches) {
            const float w = q.confidence * m.quality * ix.idf[m.idf_of];
            for (std::uint32_t k = ix.post_begin[m.term]; k < ix.post_begin[m.term + 1]; ++k) {
                const Posting& p = ix.postings[k];
                const float s = w * p.weight;
                if (best[p.proc] == 0.0f) touched_word.push_back(p.proc);
                best[p.proc] = std::max(best[p.proc], s);
            }
        }
        for (std::uint32_t p : touched_word) {
            if (!seen[p]) {
                seen[p] = 1;
                touched.push_back(p);
            }
            total[p] += weight * best[p];
            covered[p] |= bit;
            best[p] = 0.0f;
        }
    }

    // A query that is a procedure code ("1.001193", "2.0008") finds it first.
    std::string code_query = text::fold(query);
    code_query.erase(std::remove(code_query.begin(), code_query.end(), ' '), code_query.end());
    const bool looks_like_code =
        code_query.size() >= 3 && code_query.find_first_of("0123456789") != std::string::npos &&
        code_query.find_first_not_of("0123456789.-abcdefghijklmnopqrstuvwxyz") == std::string::npos;
    std::vector<float> code_bonus;
    if (looks_like_code) {
        code_bonus.assign(n, 0.0f);
        for (std::uint32_t p = 0; p < n; ++p) {
            const std::string& c = ix.procs[p].code;
            if (c.compare(0, code_query.size(), code_query) != 0) continue;
            code_bonus[p] = c.size() == code_query.size() ? 1000.0f : 500.0f;
            if (!seen[p]) {
                seen[p] = 1;
                touched.push_back(p);
            }
        }
    }

    struct Candidate {
        std::uint32_t proc;
        double score;
    };
    std::vector<Candidate> cands;
    cands.reserve(touched.size());
    for (std::uint32_t p : touched) {
        float cov = 1.0f;
        if (importance_sum > 0) {
            float got = 0;
            for (std::uint32_t bits = covered[p]; bits != 0; bits &= bits - 1)
                got += importance[std::countr_zero(bits)];
            cov = got / importance_sum;
        }
        double s = total[p] * (0.2 + 0.8 * cov * cov);
        if (!code_bonus.empty()) s += code_bonus[p];
        if (s > 0) cands.push_back({p, s});
    }
    const auto by_score = [&](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.proc < b.proc;
    };
    if (cands.size() > kRerankCandidates) {
        std::nth_element(cands.begin(), cands.begin() + kRerankCandidates, cands.end(), by_score);
        cands.resize(kRerankCandidates);
    }

    // Phase 2: prefer names the query covers well and in order; find the spans to highlight.
    std::vector<std::uint32_t> matched_terms;
    for (const QueryWord& q : words) {
        if (q.filler) continue;
        for (const Match& m : q.matches) {
            if (m.highlight) matched_terms.push_back(m.term);
        }
    }
    std::sort(matched_terms.begin(), matched_terms.end());
    const auto is_matched = [&](std::uint32_t t) {
        return std::binary_search(matched_terms.begin(), matched_terms.end(), t);
    };
    std::size_t content_query_words = 0;
    for (const QueryWord& q : words)
        content_query_words += (!q.filler && !q.matches.empty()) ? 1 : 0;

    std::vector<std::vector<bool>> marks(cands.size());
    for (std::size_t c = 0; c < cands.size(); ++c) {
        const ProcEntry& e = ix.procs[cands[c].proc];
        std::vector<bool>& mark = marks[c];
        mark.assign(e.name.size(), false);
        for (std::size_t k = 0; k < e.name.size(); ++k) {
            mark[k] = is_matched(e.name[k].term) || is_matched(e.name[k].accent_term);
        }
        for (const SynWord& s : e.syn) {
            if (!is_matched(s.term)) continue;
            for (std::size_t k = s.first; k <= s.last && k < mark.size(); ++k)
                mark[k] = true;
        }
        std::size_t covered_words = 0, adjacent = 0;
        for (std::size_t k = 0; k < e.name.size(); ++k) {
            if (!mark[k] || e.name[k].filler) continue;
            ++covered_words;
            if (k + 1 < e.name.size() && mark[k + 1]) ++adjacent;
        }
        const double name_cov = static_cast<double>(covered_words) / e.content_words;
        const double adj =
            content_query_words > 1
                ? std::min(1.0, static_cast<double>(adjacent) / static_cast<double>(content_query_words - 1))
                : 0.0;
        cands[c].score *= 1.0 + 0.6 * std::min(1.0, name_cov) + 0.2 * adj;
    }
    std::vector<std::size_t> order(cands.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (cands[a].score != cands[b].score) return cands[a].score > cands[b].score;
        const std::size_t la = ix.procs[cands[a].proc].name_bytes, lb = ix.procs[cands[b].proc].name_bytes;
        if (la != lb) return la < lb;
        return cands[a].proc < cands[b].proc;
    });

    std::vector<SearchHit> hits;
    for (std::size_t r = 0; r < order.size() && hits.size() < limit; ++r) {
        const std::size_t c = order[r];
        const ProcEntry& e = ix.procs[cands[c].proc];
        SearchHit hit{cands[c].proc, cands[c].score, {}};
        for (std::size_t k = 0; k < e.name.size(); ++k) {
            if (!marks[c][k]) continue;
            const NameWord& w = e.name[k];
            // Join neighbouring highlighted words separated by spaces only into one span.
            if (!hit.name_spans.empty() && k > 0 && marks[c][k - 1] && w.space_before) {
                hit.name_spans.back().end = w.end;
            } else {
                hit.name_spans.push_back(NameSpan{w.begin, w.end});
            }
        }
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace kiosk::search
