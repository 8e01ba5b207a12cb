// Logger with a recording sink and a manual clock: redaction of dossier codes and tokens, field name rules,
// and the repeat limit with its "repeated N times" line.
#include "kiosk/core/log/log.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct RecordingSink : log::Sink {
    std::vector<log::Entry> entries;
    void write(const log::Entry& e) override { entries.push_back(e); }
};

} // namespace

TEST(Redact, DossierCodesKeepOnlyTheUnitAndTheLastTwoDigits) {
    EXPECT_EQ(log::redact("lookup H15.50.05.13-261008-0975 failed"),
              "lookup H15.50.05.13-******-**75 failed");
    EXPECT_EQ(log::redact("000.00.15.H26-250101-1234567"), "000.00.15.H26-******-*****67");
    EXPECT_EQ(log::redact("2026-11-28 09:30 port 8088-8090"), "2026-11-28 09:30 port 8088-8090");
    EXPECT_EQ(log::redact("no code here"), "no code here");
}

TEST(Redact, TokensAreHidden) {
    EXPECT_EQ(log::redact("Authorization: Bearer s3cret-xyz sent"), "Authorization: Bearer *** sent");
    EXPECT_EQ(log::redact("url ?token=abc&x=1"), "url ?token=***&x=1");
    EXPECT_EQ(log::redact("status.token: hunter2"), "status.token: ***");
    EXPECT_EQ(log::redact("TOKEN=ZZZ"), "TOKEN=***");
}

TEST(Logger, RedactsMessagesAndFieldsAndDropsBadFieldNames) {
    RecordingSink sink;
    ManualClock clock;
    log::Logger logger(sink, clock);
    logger.warning("dossier.lookup_failed", "H15.50.05.13-261008-0975 timed out",
                   {{"KIOSK_CODE", "H15.50.05.13-261008-0975"}, {"bad name", "x"}, {"_PID", "1"}});
    ASSERT_EQ(sink.entries.size(), 1u);
    const auto& e = sink.entries[0];
    EXPECT_EQ(e.level, log::Level::warning);
    EXPECT_EQ(e.event, "dossier.lookup_failed");
    EXPECT_EQ(e.message.find("261008-0975"), std::string::npos) << e.message;
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].value, "H15.50.05.13-******-**75");
}

TEST(Logger, RepeatsAreLimitedPerWindowThenSummarised) {
    RecordingSink sink;
    ManualClock clock;
    log::Logger logger(sink, clock, {3, 60000ms});
    for (int i = 0; i < 50; ++i) {
        logger.warning("printer.fault", "out of paper");
        clock.advance(100ms);
    }
    logger.info("printer.fault", "paper loaded"); // a different message is not limited
    EXPECT_EQ(sink.entries.size(), 4u);
    clock.advance(60s);
    logger.warning("printer.fault", "out of paper");
    ASSERT_EQ(sink.entries.size(), 6u);
    EXPECT_EQ(sink.entries[4].message, "out of paper (repeated 47 more times)");
    EXPECT_EQ(sink.entries[4].fields[0].value, "47");
    EXPECT_EQ(sink.entries[5].message, "out of paper");
    for (int i = 0; i < 5; ++i)
        logger.warning("printer.fault", "out of paper");
    logger.flush();
    ASSERT_EQ(sink.entries.size(), 9u);
    EXPECT_EQ(sink.entries.back().message, "out of paper (repeated 3 more times)");
}
