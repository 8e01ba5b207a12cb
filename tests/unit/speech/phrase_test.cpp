// Spoken Vietnamese numbers and letters, the call phrase and its clip plan, the English phrase.
#include "kiosk/core/speech/call_phrase.hpp"
#include "kiosk/core/speech/spoken_words.hpp"

#include <gtest/gtest.h>

using namespace kiosk::speech;

namespace {

std::string said(const std::vector<SpokenWord>& words) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + w.text;
    return out;
}

} // namespace

TEST(SpokenWords, NumbersReadTheWayAnAnnouncerReadsThem) {
    EXPECT_EQ(said(vietnamese_number(0)), "không");
    EXPECT_EQ(said(vietnamese_number(5)), "năm");
    EXPECT_EQ(said(vietnamese_number(10)), "mười");
    EXPECT_EQ(said(vietnamese_number(11)), "mười một");
    EXPECT_EQ(said(vietnamese_number(14)), "mười bốn");
    EXPECT_EQ(said(vietnamese_number(15)), "mười lăm");
    EXPECT_EQ(said(vietnamese_number(20)), "hai mươi");
    EXPECT_EQ(said(vietnamese_number(21)), "hai mươi mốt");
    EXPECT_EQ(said(vietnamese_number(24)), "hai mươi tư");
    EXPECT_EQ(said(vietnamese_number(55)), "năm mươi lăm");
    EXPECT_EQ(said(vietnamese_number(100)), "một trăm");
    EXPECT_EQ(said(vietnamese_number(105)), "một trăm linh năm");
    EXPECT_EQ(said(vietnamese_number(110)), "một trăm mười");
    EXPECT_EQ(said(vietnamese_number(999)), "chín trăm chín mươi chín");
    EXPECT_EQ(said(vietnamese_number(1000)), "một nghìn");
    EXPECT_EQ(said(vietnamese_number(1005)), "một nghìn không trăm linh năm");
    EXPECT_EQ(said(vietnamese_number(2024)), "hai nghìn không trăm hai mươi tư");
}

TEST(SpokenWords, LettersHaveVietnameseNamesAndClips) {
    EXPECT_EQ(said(vietnamese_letter(U'A')), "a");
    EXPECT_EQ(said(vietnamese_letter(U'b')), "bê");
    EXPECT_EQ(said(vietnamese_letter(U'Đ')), "đê");
    EXPECT_EQ(vietnamese_letter(U'Đ')[0].clip, "letter_dd");
    EXPECT_EQ(vietnamese_letter(U'H')[0].clip, "letter_h");
    EXPECT_TRUE(vietnamese_letter(U'-').empty());
}

TEST(CallPhrase, VietnameseCallIsSpokenNaturallyWithItsClipPlan) {
    const auto phrase = vietnamese_call({"A015", 2});
    EXPECT_EQ(phrase.language, "vi");
    EXPECT_EQ(phrase.text, "Mời số a mười lăm đến quầy số hai");
    EXPECT_EQ(phrase.clips,
              (std::vector<std::string>{"moi_so", "letter_a", "so_10", "lam", "den_quay_so", "so_2"}));
    EXPECT_EQ(vietnamese_call_caption({"A015", 2}), "Mời số A015 đến quầy số 2");
}

TEST(CallPhrase, PrefixWithSeveralLettersAndSeparator) {
    EXPECT_EQ(vietnamese_ticket("UT-003").text, "u tê ba");
    EXPECT_EQ(vietnamese_call({"B120", 12}).text, "Mời số bê một trăm hai mươi đến quầy số mười hai");
}

TEST(CallPhrase, EnglishAndUtterance) {
    EXPECT_EQ(english_call({"A015", 2}).text, "Number A 15, please go to counter 2.");
    const auto u = call_utterance({"A015", 2}, true);
    EXPECT_TRUE(u.chime);
    ASSERT_EQ(u.phrases.size(), 2u);
    EXPECT_EQ(u.phrases[1].language, "en");
    EXPECT_TRUE(u.phrases[1].clips.empty());
    EXPECT_EQ(call_utterance({"A015", 2}, false).phrases.size(), 1u);
    EXPECT_EQ(text_utterance("vi", "Xin chào").phrases[0].text, "Xin chào");
}
