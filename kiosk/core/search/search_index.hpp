#pragma once
// Vietnamese-forgiving search over the procedure catalog, fast enough to run on every keystroke.
// Matching works on folded words (no case, no diacritics, đ→d, "ky"≡"ki"), so "dang ky ket hon",
// "ĐĂNG KÝ KẾT HÔN" and NFD input all match. It also handles: the last word still being typed (prefix),
// typos (edit distance 1 for words of 4–7 letters, 2 from 8), words run together ("khaisinh"), everyday words
// from the synonym table ("sổ đỏ"), filler words of whole sentences ("tôi muốn làm ..."), and procedure
// codes. Ranking prefers the name over keywords over documents, covered names over long ones.
//
// The index copies what it needs from the Catalog (it keeps no reference to it); hits refer to procedures by
// their index in Catalog::procedures. No I/O. Searching is const and thread-safe.

#include "kiosk/core/catalog/model.hpp"
#include "kiosk/core/search/synonyms.hpp"

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kiosk::search {

// Byte range [begin, end) in the procedure's original UTF-8 name, for highlighting.
struct NameSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    friend bool operator==(const NameSpan&, const NameSpan&) = default;
};

struct SearchHit {
    std::size_t procedure = 0; // index into Catalog::procedures
    double score = 0;          // higher is better; only comparable within one result list
    std::vector<NameSpan> name_spans;
};

class SearchIndex {
  public:
    SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;
    ~SearchIndex();

    [[nodiscard]] static SearchIndex build(const catalog::Catalog& catalog,
                                           const SynonymTable& synonyms = {});

    // Best `limit` hits, best first. An empty or blank query returns nothing.
    [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit) const;

    [[nodiscard]] std::size_t procedure_count() const;
    [[nodiscard]] std::size_t term_count() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::search
