// Behaviour of SearchIndex on a small hand-made catalog: folding, prefixes, typos, words run together,
// synonyms, filler words, ranking by field, highlight spans. The real catalog is tested in
// query_set_test.cpp.
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/core/search/words.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::search {
namespace {

catalog::Procedure proc(std::string code, std::string name, std::vector<std::string> keywords = {},
                        std::vector<std::string> documents = {}) {
    catalog::Procedure p;
    p.code = std::move(code);
    p.name = std::move(name);
    p.levels = {catalog::Level::commune};
    p.field = "ho-tich";
    p.keywords = std::move(keywords);
    for (auto& d : documents)
        p.documents.push_back(catalog::Document{std::move(d), "", ""});
    return p;
}

catalog::Catalog small_catalog() {
    catalog::Catalog c;
    c.fields = {{"ho-tich", {"Hộ tịch", "Civil status"}}};
    c.procedures = {
        proc("1.001193", "Đăng ký khai sinh", {"làm giấy khai sinh cho con"},
             {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"}),
        proc("1.000894", "Đăng ký kết hôn", {}, {"Tờ khai đăng ký kết hôn"}),
        proc("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", {},
             {"Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"}),
        proc("1.000656", "Đăng ký khai tử", {}, {"Giấy báo tử"}),
        proc("1.004884", "Đăng ký lại khai sinh", {}, {"Bản sao giấy tờ"}),
        proc("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", {}, {"Bản chính giấy tờ"}),
        proc("1.004222", "Đăng ký thường trú", {}, {"Tờ khai thay đổi thông tin cư trú"}),
        proc("1.012786", "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", {}, {"Đơn đề nghị"}),
        proc("1.000001", "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ", {}, {"Bản vẽ thiết kế"}),
        proc("1.000002", "Cấp thẻ căn cước", {}, {"Giấy khai sinh"}),
    };
    return c;
}

SynonymTable small_synonyms() {
    auto parsed = parse_synonyms("# test\n"
                                 "độc thân\txác nhận tình trạng hôn nhân\n"
                                 "sổ đỏ\tgiấy chứng nhận quyền sử dụng đất\n"
                                 "công chứng\tchứng thực\n"
                                 "hộ khẩu\tthường trú\n"
                                 "CCCD\tcăn cước\n"
                                 "giấy phép xây nhà\tgiấy phép xây dựng\n",
                                 "test");
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? parsed.value() : SynonymTable{};
}

class SearchIndexTest : public ::testing::Test {
  protected:
    catalog::Catalog cat = small_catalog();
    SearchIndex index = SearchIndex::build(cat, small_synonyms());

    std::string top(std::string_view q) {
        const auto hits = index.search(q, 3);
        return hits.empty() ? std::string("<none>") : cat.procedures[hits[0].procedure].code;
    }
    std::string span_text(const SearchHit& h, std::size_t i) {
        const std::string& name = cat.procedures[h.procedure].name;
        return name.substr(h.name_spans[i].begin, h.name_spans[i].end - h.name_spans[i].begin);
    }
};

TEST_F(SearchIndexTest, IgnoresCaseAndDiacritics) {
    EXPECT_EQ(top("Đăng ký kết hôn"), "1.000894");
    EXPECT_EQ(top("dang ky ket hon"), "1.000894");
    EXPECT_EQ(top("ĐĂNG KÝ KẾT HÔN"), "1.000894");
    EXPECT_EQ(top("\xC4\x90"
                  "a\xCC\x86ng ky\xCC\x81 k\xC3\xAA\xCC\x81t ho\xCC\x82n"),
              "1.000894");                         // NFD
    EXPECT_EQ(top("dang ki ket hon"), "1.000894"); // ki ≡ ky
}

TEST_F(SearchIndexTest, MatchesTheLastWordAsAPrefixWhileTyping) {
    EXPECT_EQ(top("ket h"), "1.000894");
    EXPECT_EQ(top("khai s"), "1.001193");
    EXPECT_EQ(top("thuong tr"), "1.004222");
    // After a space the word is complete: "kh" alone matches no word exactly
    EXPECT_TRUE(index.search("zzkh ", 5).empty());
}

TEST_F(SearchIndexTest, ToleratesTypos) {
    EXPECT_EQ(top("khia sinh"), "1.001193");   // swapped letters
    EXPECT_EQ(top("thuongg tru"), "1.004222"); // one letter too many
    EXPECT_EQ(top("chung thuwc ban sao"), "2.000815");
    EXPECT_EQ(top("tinh trangg hon nhan"), "1.004873");
}

TEST_F(SearchIndexTest, SplitsWordsRunTogether) {
    EXPECT_EQ(top("khaisinh"), "1.001193");
    EXPECT_EQ(top("dangky ket hon"), "1.000894");
    EXPECT_EQ(top("dangkykethon"), "1.000894");
    EXPECT_EQ(top("khaisi"), "1.001193");   // still typing the second word
    EXPECT_EQ(top("sodo mat"), "1.012786"); // four letters, no typo nearby: two words
}

TEST_F(SearchIndexTest, UsesEverydayWords) {
    EXPECT_EQ(top("giấy xác nhận độc thân"), "1.004873");
    EXPECT_EQ(top("doc than"), "1.004873");
    EXPECT_EQ(top("làm lại sổ đỏ bị mất"), "1.012786");
    EXPECT_EQ(top("công chứng giấy tờ"), "2.000815");
    EXPECT_EQ(top("nhập hộ khẩu"), "1.004222");
    EXPECT_EQ(top("làm CCCD"), "1.000002");
    EXPECT_EQ(top("xin giấy phép xây nhà"), "1.000001");
}

TEST_F(SearchIndexTest, HandlesWholeSentences) {
    EXPECT_EQ(top("tôi muốn làm giấy khai sinh cho con"), "1.001193");
    EXPECT_EQ(top("thủ tục đăng ký kết hôn như thế nào"), "1.000894");
}

TEST_F(SearchIndexTest, PrefersNameOverDocumentsAndShortNames) {
    // "khai sinh" is in the names of 1.001193 and 1.004884 and in a document of the ID card procedure.
    const auto hits = index.search("khai sinh", 10);
    ASSERT_GE(hits.size(), 3u);
    EXPECT_EQ(cat.procedures[hits[0].procedure].code, "1.001193");
    EXPECT_EQ(cat.procedures[hits[1].procedure].code, "1.004884");
    EXPECT_EQ(cat.procedures[hits[2].procedure].code, "1.000002");
    EXPECT_GT(hits[0].score, hits[1].score);
    EXPECT_GT(hits[1].score, hits[2].score);
}

TEST_F(SearchIndexTest, FindsProcedureCodes) {
    EXPECT_EQ(top("1.004873"), "1.004873");
    EXPECT_EQ(top("2.0008"), "2.000815");
}

TEST_F(SearchIndexTest, ReturnsHighlightSpansInTheOriginalName) {
    const auto hits = index.search("ket hon", 1);
    ASSERT_EQ(hits.size(), 1u);
    ASSERT_EQ(hits[0].name_spans.size(), 1u);
    EXPECT_EQ(span_text(hits[0], 0), "kết hôn");

    const auto syn = index.search("doc than", 1);
    ASSERT_EQ(syn.size(), 1u);
    ASSERT_FALSE(syn[0].name_spans.empty());
    EXPECT_EQ(span_text(syn[0], 0), "xác nhận tình trạng hôn nhân");

    const auto typing = index.search("chứng thực bản s", 1);
    ASSERT_EQ(typing.size(), 1u);
    ASSERT_FALSE(typing[0].name_spans.empty());
    EXPECT_EQ(span_text(typing[0], 0), "Chứng thực bản sao");
}

TEST_F(SearchIndexTest, EmptyAndOddQueries) {
    EXPECT_TRUE(index.search("", 5).empty());
    EXPECT_TRUE(index.search("   ,.;", 5).empty());
    EXPECT_TRUE(index.search("khai sinh", 0).empty());
    EXPECT_LE(index.search("a", 3).size(), 3u);
    (void)index.search("\xFF\xFE\xC3", 5);
    (void)index.search(std::string(5000, 'x'), 5);
    (void)index.search(std::string(2000, ' ') + "khai", 5);
    const auto none = SearchIndex::build(catalog::Catalog{});
    EXPECT_TRUE(none.search("khai sinh", 5).empty());
}

TEST(Synonyms, ParsesAndReportsErrorsWithLine) {
    auto ok = parse_synonyms("# comment\n\nsổ đỏ\tgiấy chứng nhận\r\n", "x.tsv");
    ASSERT_TRUE(ok.ok());
    ASSERT_EQ(ok->entries.size(), 1u);
    EXPECT_EQ(ok->entries[0].official, "giấy chứng nhận");

    auto bad = parse_synonyms("a\tb\nonly one column\n", "x.tsv");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("x.tsv line 2"), std::string::npos) << bad.error().message;

    auto empty = parse_synonyms("a\t \n", "x.tsv");
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("official"), std::string::npos);
}

TEST(Words, CanonicalisesIAndY) {
    std::string w = "ky";
    detail::canonicalize_word(w);
    EXPECT_EQ(w, "ki");
    w = "quy";
    detail::canonicalize_word(w);
    EXPECT_EQ(w, "qui");
    w = "tay"; // "tay" (hand) is not "tai" (ear)
    detail::canonicalize_word(w);
    EXPECT_EQ(w, "tay");
}

TEST(Words, BoundedDistance) {
    EXPECT_EQ(detail::bounded_distance("khai", "khia", 2), 1u);
    EXPECT_EQ(detail::bounded_distance("sinh", "sinhh", 2), 1u);
    EXPECT_EQ(detail::bounded_distance("thuong", "thuogn", 1), 1u);
    EXPECT_EQ(detail::bounded_distance("abc", "xyz", 1), 2u); // capped at max + 1
    EXPECT_EQ(detail::bounded_distance("ket", "ket", 1), 0u);
}

TEST(Words, MarksFillersByContext) {
    const auto f = detail::mark_fillers({"toi", "can", "lam", "can", "cuoc"});
    EXPECT_EQ(f, (std::vector<bool>{true, true, true, false, false}));
}

} // namespace
} // namespace kiosk::search
