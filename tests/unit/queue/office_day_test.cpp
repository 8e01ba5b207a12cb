// Office day and opening hours: Vietnam time is UTC+7 with no DST, the day turns at local midnight or at a
// configured reset time.
#include "kiosk/core/queue/office_day.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/core/queue/ticket_issuer.hpp"

#include <gtest/gtest.h>

using namespace kiosk::queue;
using namespace std::chrono;

namespace {
// A UTC moment from calendar fields.
TimePoint utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
    return time_point_cast<milliseconds>(sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} +
                                         seconds{ss});
}
} // namespace

TEST(OfficeDay, LocalMidnightIsSeventeenUtc) {
    // 16:59:59 UTC = 23:59:59 in Hanoi: still 14 March; 17:00 UTC = 00:00 on 15 March.
    EXPECT_EQ(office_day(utc(2025, 3, 14, 16, 59, 59)).iso, "2025-03-14");
    EXPECT_EQ(office_day(utc(2025, 3, 14, 17, 0, 0)).iso, "2025-03-15");
    EXPECT_EQ(office_day(utc(2025, 3, 14, 17, 0, 0) - milliseconds{1}).iso, "2025-03-14");
    // Early UTC morning is already the same local day.
    EXPECT_EQ(office_day(utc(2025, 3, 15, 0, 30)).iso, "2025-03-15");
}

TEST(OfficeDay, YearAndLeapDayBoundaries) {
    EXPECT_EQ(office_day(utc(2024, 12, 31, 17, 0)).iso, "2025-01-01");
    EXPECT_EQ(office_day(utc(2024, 12, 31, 16, 59)).iso, "2024-12-31");
    EXPECT_EQ(office_day(utc(2024, 2, 28, 17, 0)).iso, "2024-02-29");
    EXPECT_EQ(office_day(utc(1969, 12, 31, 16, 0)).iso,
              "1969-12-31"); // before the epoch: floor, not truncate
}

TEST(OfficeDay, ConfiguredResetTime) {
    const int reset = 3 * 60; // 03:00 local
    // 02:59 local on the 15th (19:59 UTC on the 14th) still belongs to the 14th.
    EXPECT_EQ(office_day(utc(2025, 3, 14, 19, 59), reset).iso, "2025-03-14");
    EXPECT_EQ(office_day(utc(2025, 3, 14, 20, 0), reset).iso, "2025-03-15");
    // Local midnight is no boundary any more.
    EXPECT_EQ(office_day(utc(2025, 3, 14, 16, 59), reset).iso,
              office_day(utc(2025, 3, 14, 17, 1), reset).iso);
}

TEST(OfficeDay, LocalClockText) {
    EXPECT_EQ(local_clock_text(utc(2025, 3, 14, 0, 30)), "07:30");
    EXPECT_EQ(local_clock_text(utc(2025, 3, 14, 17, 5)), "00:05");
    EXPECT_EQ(local_clock_text(utc(2025, 3, 14, 16, 59)), "23:59");
}

TEST(OfficeDay, LocalMinuteAndWeekday) {
    EXPECT_EQ(local_minute_of_day(utc(2025, 3, 14, 0, 30)), 7 * 60 + 30);
    EXPECT_EQ(local_minute_of_day(utc(2025, 3, 14, 17, 5)), 5);
    EXPECT_EQ(local_weekday(utc(2025, 3, 14, 16, 0)), 5); // Friday 23:00 local
    EXPECT_EQ(local_weekday(utc(2025, 3, 14, 17, 0)), 6); // Saturday 00:00 local
}

TEST(ParseLocalMinute, AcceptsHhMmOnly) {
    EXPECT_EQ(*parse_local_minute("00:00"), 0);
    EXPECT_EQ(*parse_local_minute("07:30"), 450);
    EXPECT_EQ(*parse_local_minute("23:59"), 1439);
    for (const char* bad : {"24:00", "7:30", "07:60", "0730", "", "ab:cd", "07:30 "}) {
        auto r = parse_local_minute(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().kind, "queue.error.bad_time");
        EXPECT_NE(r.error().message.find(bad), std::string::npos);
    }
}

TEST(OpeningHours, RefusesOutsideHoursAndDays) {
    Service s;
    s.code = "civil";
    s.hours = OpeningHours{7 * 60 + 30, 17 * 60, {1, 2, 3, 4, 5}};
    EXPECT_TRUE(is_open(s, utc(2025, 3, 14, 0, 30)));  // Fri 07:30 local
    EXPECT_FALSE(is_open(s, utc(2025, 3, 14, 0, 29))); // Fri 07:29
    EXPECT_FALSE(is_open(s, utc(2025, 3, 14, 10, 0))); // Fri 17:00 (close is exclusive)
    EXPECT_FALSE(is_open(s, utc(2025, 3, 15, 2, 0)));  // Sat 09:00
    s.hours.reset();
    EXPECT_TRUE(is_open(s, utc(2025, 3, 15, 2, 0)));
}

TEST(ServiceValidation, NamesTheProblem) {
    Service a;
    a.code = "civil";
    EXPECT_TRUE(validate(a).ok());
    Service bad = a;
    bad.range_end = 0;
    auto r = validate(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "queue.error.bad_service");
    EXPECT_NE(r.error().message.find("civil"), std::string::npos);

    Service b = a;
    b.code = "land";
    auto dup = validate(std::vector<Service>{a, b}); // same "A" prefix and "UT-" priority prefix
    ASSERT_FALSE(dup.ok());
    EXPECT_NE(dup.error().message.find("prefix"), std::string::npos);
    b.prefix = "B";
    b.priority_prefix = "UB-";
    EXPECT_TRUE(validate(std::vector<Service>{a, b}).ok());
    b.code = "civil";
    EXPECT_FALSE(validate(std::vector<Service>{a, b}).ok());
}

TEST(DisplayText, PadsToThreeDigits) {
    EXPECT_EQ(display_text("A", 15), "A015");
    EXPECT_EQ(display_text("UT-", 3), "UT-003");
    EXPECT_EQ(display_text("B", 1234), "B1234");
}
