#include "kiosk/core/script/script.hpp"

#include <gtest/gtest.h>

using namespace kiosk::script;

TEST(Script, ParsesEveryCommand) {
    auto r = parse_script(
        "# c\ntap \"Lấy số thứ tự\"\ntap 10 20\ndrag 1 2 3 4\ntype \"abc \\\"q\\\"\"\nkey Return\n"
        "wait 250\nexpect \"Xin chào\"\nexpect_not \"Lỗi\"\nscreenshot out.png\nset ui.language=en\n",
        "s.kiosk");
    ASSERT_TRUE(r) << r.error().message;
    const auto& s = r.value();
    ASSERT_EQ(s.size(), 10u);
    EXPECT_EQ(s[0].kind, StepKind::tap_label);
    EXPECT_EQ(s[0].text, "Lấy số thứ tự");
    EXPECT_EQ(s[1].kind, StepKind::tap_xy);
    EXPECT_FLOAT_EQ(s[1].y1, 20);
    EXPECT_EQ(s[2].kind, StepKind::drag);
    EXPECT_FLOAT_EQ(s[2].x2, 3);
    EXPECT_EQ(s[3].text, "abc \"q\"");
    EXPECT_EQ(s[4].text, "Return");
    EXPECT_EQ(s[5].ms, 250);
    EXPECT_EQ(s[7].kind, StepKind::expect_not);
    EXPECT_EQ(s[8].text, "out.png");
    EXPECT_EQ(s[9].text, "ui.language=en");
    EXPECT_EQ(s[9].line, 11);
}

TEST(Script, BangFormsDoNotWaitForBackgroundWork) {
    auto r = parse_script("tap! \"English\"\nexpect! \"Looking up\"\nexpect_not! \"x\"\nexpect \"y\"\n",
                          "s.kiosk");
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r.value()[0].no_settle);
    EXPECT_EQ(r.value()[0].kind, StepKind::tap_label);
    EXPECT_TRUE(r.value()[1].no_settle);
    EXPECT_EQ(r.value()[2].kind, StepKind::expect_not);
    EXPECT_FALSE(r.value()[3].no_settle);
    EXPECT_FALSE(parse_script("wait! 10\n", "s.kiosk"));
    auto set = parse_script("set! printer.paper_mm=58\nset ui.language=en\n", "s.kiosk");
    ASSERT_TRUE(set) << set.error().message;
    EXPECT_TRUE(set.value()[0].no_settle);
    EXPECT_EQ(set.value()[0].kind, StepKind::set);
    EXPECT_EQ(set.value()[0].text, "printer.paper_mm=58");
    EXPECT_FALSE(set.value()[1].no_settle);
}

TEST(Script, ErrorsNameTheLine) {
    for (const char* bad : {"tap\n", "tap 1\n", "wait soon\n", "expect Xin\n", "fly away\n", "type \"open\n",
                            "set nothing\n", "key\n", "wait -1\n", "expect \"a\" trailing\n"}) {
        auto r = parse_script(std::string("expect \"ok\"\n") + bad, "s.kiosk");
        ASSERT_FALSE(r) << bad;
        EXPECT_NE(r.error().message.find("s.kiosk:2:"), std::string::npos) << r.error().message;
    }
}
