// Read aloud: what is said for a screen (title, main text, the ticket number in Vietnamese words) and when
// (switching on, a new screen or language, a new ticket; not on every frame).

#include "kiosk/core/speech/screen_reading.hpp"

#include <gtest/gtest.h>

namespace kiosk::speech {
namespace {

ScreenText ticket_screen() {
    return {"queue.ticket",
            "vi",
            "Số thứ tự của ông/bà",
            {"Hộ tịch", "A015", "Giờ lấy số: 09:30 – 27/11/2026", "Không có ai chờ trước ông/bà.",
             "Xin mời đến quầy 1, 2 khi được gọi số.", "Hộ tịch"}};
}

TEST(ScreenReading, TicketNumbersAreRecognised) {
    EXPECT_TRUE(looks_like_ticket("A015"));
    EXPECT_TRUE(looks_like_ticket("UT-B003"));
    EXPECT_TRUE(looks_like_ticket("HT1"));
    EXPECT_FALSE(looks_like_ticket("Hộ tịch"));
    EXPECT_FALSE(looks_like_ticket("09:30"));
    EXPECT_FALSE(looks_like_ticket("A"));
    EXPECT_FALSE(looks_like_ticket("1.001193"));
    EXPECT_FALSE(looks_like_ticket("ABCD001"));
}

TEST(ScreenReading, SaysTitleMainTextAndTheTicketInVietnameseWords) {
    Utterance u = screen_utterance(ticket_screen());
    ASSERT_EQ(u.phrases.size(), 3u);
    EXPECT_EQ(u.phrases[0].text, "Số thứ tự của ông/bà");
    EXPECT_EQ(u.phrases[0].language, "vi");
    // The main text once each (the repeated "Hộ tịch" is dropped), without the raw ticket.
    EXPECT_EQ(u.phrases[1].text, "Hộ tịch. Giờ lấy số: 09:30 – 27/11/2026. Không có ai chờ trước ông/bà. Xin "
                                 "mời đến quầy 1, 2 khi được gọi số.");
    // The ticket as the announcer says it, with the clips of the recorded voice.
    EXPECT_EQ(u.phrases[2].language, "vi");
    EXPECT_EQ(u.phrases[2].text, vietnamese_ticket("A015").text);
    EXPECT_NE(u.phrases[2].text.find("mười lăm"), std::string::npos) << u.phrases[2].text;
    EXPECT_FALSE(u.phrases[2].clips.empty());
    EXPECT_NE(u.caption.find("A015"), std::string::npos);
}

TEST(ScreenReading, LongScreensAreCutAtATextBoundary) {
    ScreenText s{"catalog.detail", "vi", "Chi tiết thủ tục", {}};
    for (int i = 0; i < 50; ++i)
        s.texts.push_back("Giấy tờ số " + std::to_string(i) + " cần mang theo khi nộp hồ sơ");
    Utterance u = screen_utterance(s, 200);
    ASSERT_EQ(u.phrases.size(), 2u);
    EXPECT_LE(u.phrases[1].text.size(), 200u);
    EXPECT_EQ(u.phrases[1].text.rfind("Giấy tờ số 0 ", 0), 0u);
    const std::string end = "hồ sơ"; // ends with a whole text, not half a word
    EXPECT_EQ(u.phrases[1].text.compare(u.phrases[1].text.size() - end.size(), end.size(), end), 0);
}

TEST(ScreenReading, EnglishScreensAreReadWithTheEnglishVoiceButTicketsInVietnamese) {
    ScreenText s = ticket_screen();
    s.language = "en";
    s.title = "Your queue number";
    Utterance u = screen_utterance(s);
    ASSERT_EQ(u.phrases.size(), 3u);
    EXPECT_EQ(u.phrases[0].language, "en");
    EXPECT_EQ(u.phrases[2].language, "vi");
}

TEST(ReadAloudPolicy, SpeaksOnSwitchOnScreenChangeAndNewTicketOnly) {
    ReadAloudPolicy policy;
    ScreenText home{"home", "vi", "Xin chào!", {"Ông/bà cần làm gì?"}};
    EXPECT_FALSE(policy.next(home, false)); // off: silent
    EXPECT_TRUE(policy.next(home, true));   // switched on: reads the screen
    EXPECT_FALSE(policy.next(home, true));  // the next frames: nothing new
    home.texts.push_back("something that changed");
    EXPECT_FALSE(policy.next(home, true)); // text changing on the same screen (typing) is not re-read
    ScreenText issuing{"queue.ticket", "vi", "Số thứ tự của ông/bà", {"Đang cấp số…"}};
    EXPECT_TRUE(policy.next(issuing, true));         // a new screen
    EXPECT_TRUE(policy.next(ticket_screen(), true)); // the ticket number appeared
    EXPECT_FALSE(policy.next(ticket_screen(), true));
    ScreenText english = ticket_screen();
    english.language = "en";
    EXPECT_TRUE(policy.next(english, true)); // language switched
    EXPECT_FALSE(policy.next(english, false));
    EXPECT_TRUE(policy.next(english, true)); // switched on again: read again
}

} // namespace
} // namespace kiosk::speech
