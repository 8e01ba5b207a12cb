#include "kiosk/core/i18n/translator.hpp"

#include <gtest/gtest.h>

using namespace kiosk::i18n;

TEST(Translator, LooksUpBothLanguagesAndFormats) {
    Translator t;
    ASSERT_TRUE(t.add_table("# comment\nqueue.ahead\tCòn {0} người trước ông/bà\t{0} people ahead of you\n",
                            "q.tsv"));
    EXPECT_EQ(t.tr("queue.ahead", Lang::vi), "Còn {0} người trước ông/bà");
    EXPECT_EQ(t.format("queue.ahead", Lang::en, {"3"}), "3 people ahead of you");
    EXPECT_EQ(t.tr("missing.key", Lang::vi), "missing.key");
}

TEST(Translator, RejectsMalformedTablesNamingTheLine) {
    Translator t;
    auto bad = t.add_table("a\tA\tA\nb\tonly two\n", "x.tsv");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("x.tsv:2"), std::string::npos);
    auto dup = t.add_table("a\tA\tA\n", "y.tsv");
    ASSERT_FALSE(dup);
    EXPECT_NE(dup.error().message.find("defined twice"), std::string::npos);
}

TEST(Translator, SubstituteLeavesUnknownPlaceholders) {
    EXPECT_EQ(substitute("{0} and {1} and {2}", {"a", "b"}), "a and b and {2}");
}

// Every shipped table loads, every key has both languages, and the Vietnamese is NFC (no combining marks).
TEST(Translator, ShippedTablesAreCompleteAndNfc) {
    auto loaded = Translator::load_dir(std::string(KIOSK_TEST_DATA_DIR) + "/../assets/i18n");
    ASSERT_TRUE(loaded) << loaded.error().message;
    const Translator& t = loaded.value();
    EXPECT_GT(t.keys().size(), 20u);
    for (const auto& key : t.keys()) {
        for (Lang lang : {Lang::vi, Lang::en}) {
            std::string_view text = t.tr(key, lang);
            for (size_t i = 0; i + 1 < text.size(); ++i) {
                // U+0300..U+036F combining marks are encoded as CC 80..CD AF.
                unsigned char a = static_cast<unsigned char>(text[i]),
                              b = static_cast<unsigned char>(text[i + 1]);
                bool combining = (a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF);
                EXPECT_FALSE(combining) << key << " is not NFC: " << text;
            }
        }
    }
}
